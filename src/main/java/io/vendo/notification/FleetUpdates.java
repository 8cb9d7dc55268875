package io.vendo.notification;

import io.vendo.identity.Directory;
import io.vendo.request.BatchEvent.BatchPaused;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Tells a fleet's requester that its rollout paused: the rows after the first send no mail of their own, so this is
 * how they learn that rows failed and the rest wait for them to resume.
 */
@Component
class FleetUpdates {

    private final Directory directory;
    private final MailComposer composer;
    private final MailTransport mail;
    private final PortalLinks links;

    FleetUpdates(Directory directory, MailComposer composer, MailTransport mail, PortalLinks links) {
        this.directory = directory;
        this.composer = composer;
        this.mail = mail;
        this.links = links;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(BatchPaused paused) {
        directory
                .person(paused.requester())
                .ifPresent(requester -> mail.send(composer.compose(
                        requester.email(),
                        "Your fleet paused: %d rows failed".formatted(paused.failedRows()),
                        "fleet-paused",
                        Map.of("paused", paused, "batchUrl", links.batch(paused.batchId())))));
    }
}
