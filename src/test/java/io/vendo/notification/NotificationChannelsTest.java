package io.vendo.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vendo.support.ApiClient;
import io.vendo.support.AwsStub;
import io.vendo.support.VendoIntegrationTest;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * E-mail through Amazon SES (the real SDK v2 client against a server speaking SES v2's REST-JSON) and a message to
 * the requesting team's Slack incoming webhook.
 */
@VendoIntegrationTest
@TestPropertySource(properties = {"vendo.aws.mode=dry-run", "vendo.notification.mail-transport=ses"})
class NotificationChannelsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        registry.add("vendo.notification.ses.endpoint-url", AwsStub::endpoint);
        registry.add("vendo.notification.slack-webhooks.web-team", () -> AwsStub.endpoint() + "/slack/web-team");
    }

    @LocalServerPort
    int port;

    @BeforeEach
    void stubs() {
        AwsStub.reset();
        AwsStub.server()
                .stubFor(post(urlEqualTo("/v2/email/outbound-emails"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"MessageId\": \"0100019ab1c2d3e4-vendo-test-000000\"}")));
        AwsStub.server()
                .stubFor(post(urlEqualTo("/slack/web-team"))
                        .willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    @Test
    void approversAreMailedThroughSesAndTheTeamChannelHearsOfTheRequest() {
        var id = ApiClient.as("requester", port).submit("sandbox-eu-west-1", "ses-site", "Newsletter");

        var mails = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> AwsStub.server().findAll(postRequestedFor(urlEqualTo("/v2/email/outbound-emails"))),
                        found -> found.size() >= 3);
        var toApprover = mails.stream()
                .map(request -> JSON.readTree(request.getBodyAsString()))
                .filter(mail -> mail.path("Destination")
                        .path("ToAddresses")
                        .get(0)
                        .asString()
                        .equals("approver@vendo.local"))
                .findFirst()
                .orElseThrow();
        var simple = toApprover.path("Content").path("Simple");
        assertThat(toApprover.path("FromEmailAddress").asString()).isEqualTo("Vendo <vendo@vendo.local>");
        assertThat(simple.path("Subject").path("Data").asString())
                .isEqualTo("Approval needed: Static website on Sandbox (eu-west-1) by requester");
        assertThat(simple.path("Body").path("Text").path("Data").asString())
                .contains("SiteName = ses-site")
                .containsPattern("http://localhost:\\d+/approvals/[A-Za-z0-9_-]{43}\\?decision=APPROVE");
        assertThat(simple.path("Body").path("Html").path("Data").asString()).contains("Review and approve");
        assertThat(mails.getFirst().getHeader("Authorization")).contains("/ses/aws4_request");
        // The mail is rendered once for all approvers: each copy carries its own link, in both bodies.
        var linkOf = Pattern.compile("/approvals/([A-Za-z0-9_-]{43})\\?decision=APPROVE");
        var links = mails.stream()
                .map(request -> JSON.readTree(request.getBodyAsString())
                        .path("Content")
                        .path("Simple")
                        .path("Body"))
                .map(body -> {
                    var inText = linkOf.matcher(body.path("Text").path("Data").asString());
                    var inHtml = linkOf.matcher(body.path("Html").path("Data").asString());
                    assertThat(inText.find()).isTrue();
                    assertThat(inHtml.find()).isTrue();
                    assertThat(inHtml.group(1)).isEqualTo(inText.group(1));
                    return inText.group(1);
                })
                .toList();
        assertThat(links).hasSize(3).doesNotHaveDuplicates();

        var slack = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> AwsStub.server().findAll(postRequestedFor(urlEqualTo("/slack/web-team"))),
                        found -> !found.isEmpty());
        var text =
                JSON.readTree(slack.getFirst().getBodyAsString()).path("text").asString();
        assertThat(text)
                .contains("*Static website* on *Sandbox (eu-west-1)* requested by requester")
                .contains("/requests/" + id)
                .doesNotContain("/approvals/");
    }
}
