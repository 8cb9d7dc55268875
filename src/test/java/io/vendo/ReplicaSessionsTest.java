package io.vendo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.vendo.support.AwsStub;
import io.vendo.support.CloudFormationSimulator;
import io.vendo.support.TestPostgres;
import io.vendo.support.WebSession;
import io.vendo.support.WorkerProcess;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two replicas of the portal, separate processes on one database, behind no sticky load balancer: a browser's session
 * started on one goes on on the other (sessions live in PostgreSQL, Spring Session JDBC), its CSRF token with it, and a
 * request approved on one replica is executed exactly once although both run the scheduler. WireMock's journal is
 * the truth for what AWS received.
 */
class ReplicaSessionsTest {

    private static final Map<String, String> FAST = Map.of(
            "vendo.scheduler.polling-interval", "100ms",
            "vendo.scheduler.heartbeat-interval", "1s",
            "vendo.execution.first-poll-delay", "200ms",
            "vendo.execution.change-set-poll-delay", "100ms",
            "vendo.execution.max-poll-delay", "500ms");

    private HikariDataSource database;
    private CloudFormationSimulator aws;

    @BeforeEach
    void setUp() {
        AwsStub.reset();
        aws = AwsStub.simulate();
        database = TestPostgres.newDatabase();
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void aBrowserLoggedInOnOneReplicaGoesOnOnTheOtherAndTheApprovedRequestRunsOnce() {
        try (var a = WorkerProcess.start("replica-a", database.getJdbcUrl(), FAST);
                var b = WorkerProcess.start("replica-b", database.getJdbcUrl(), FAST)) {
            // The requester logs in and submits on A ...
            var requester = new WebSession(a.port()).logIn("requester");
            requester.get("/blueprints/static-website/request");
            var submitted = requester.post(
                    "/blueprints/static-website/request",
                    Map.of(
                            "target", "sandbox-eu-west-1",
                            "parameters[SiteName]", "replica-site",
                            "justification", "Two replicas, one portal",
                            "step", "submit"));
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(302);
            assertThat(submitted.location()).contains("/requests/");
            var id = submitted.location().substring(submitted.location().lastIndexOf('/') + 1);

            // ... and, sent to B by the load balancer, is still logged in and sees it.
            var requesterOnB = requester.on(b.port()).get("/requests/" + id);
            assertThat(requesterOnB.status()).isEqualTo(200);
            assertThat(requesterOnB.body()).contains("replica-site").contains("PENDING_APPROVAL");

            // The approver logs in on A, reads the request there, and approves with that page's form on B.
            var approver = new WebSession(a.port()).logIn("approver");
            assertThat(approver.get("/requests/" + id).body()).contains("replica-site");
            var approved = approver.on(b.port())
                    .post("/requests/" + id + "/decisions", Map.of("decision", "APPROVE", "comment", "from B"));
            assertThat(approved.status()).as(approved.body()).isEqualTo(302);
            assertThat(approved.location()).endsWith("/requests/" + id);

            var jdbc = new JdbcTemplate(database);
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> jdbc.queryForObject(
                                    "select state from vending_request where id = ?::uuid", String.class, id),
                            "SUCCEEDED"::equals);

            // Exactly once, whichever replica ran it.
            assertThat(aws.stacks()).hasSize(1);
            assertThat(AwsStub.received("CreateChangeSet")).hasSize(1);
            assertThat(AwsStub.received("ExecuteChangeSet")).hasSize(1);
            assertThat(jdbc.queryForObject(
                            "select count(*) from approval_decision where request_id = ?::uuid", Integer.class, id))
                    .isEqualTo(1);
            // The sessions are the database's, not either replica's.
            assertThat(jdbc.queryForList("select principal_name from spring_session", String.class))
                    .contains("requester", "approver");
        }
    }
}
