package io.vendo.request;

import io.vendo.catalog.StackSetChoice;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The StackSet deployment targets each request chose, one row per request that chose any ({@code
 * request_stack_set_choice}), written in the transaction that stores the request and announced to the audit log
 * ({@link StackSetTargetsChosen}). A request without a row left them to its blueprint.
 */
@Component
class StackSetChoices {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StackSetChoices(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** @param actor who chose: the requester, or {@code system} for a promotion's step */
    void store(UUID requestId, StackSetChoice choice, String actor) {
        if (!choice.chosen()) {
            return;
        }
        events.publishEvent(new StackSetTargetsChosen(
                UUID.randomUUID(), requestId, clock.instant(), actor, choice.organizationalUnits(), choice.regions()));
        keep(requestId, choice);
    }

    /**
     * An UPDATE keeps what the request before it chose: nothing new was chosen, so nothing is announced; the next
     * UPDATE reads it from here.
     */
    void keep(UUID requestId, StackSetChoice choice) {
        if (!choice.chosen()) {
            return;
        }
        jdbc.sql(
                        """
                        insert into request_stack_set_choice (request_id, organizational_units, regions)
                        values (:id, :units, :regions)""")
                .param("id", requestId)
                .param("units", choice.organizationalUnits().toArray(String[]::new))
                .param("regions", choice.regions().toArray(String[]::new))
                .update();
    }

    Optional<StackSetChoice> find(UUID requestId) {
        return jdbc.sql(
                        """
                        select organizational_units, regions from request_stack_set_choice
                        where request_id = :id""")
                .param("id", requestId)
                .query((rs, row) -> new StackSetChoice(
                        List.of((String[]) rs.getArray("organizational_units").getArray()),
                        List.of((String[]) rs.getArray("regions").getArray())))
                .optional();
    }
}
