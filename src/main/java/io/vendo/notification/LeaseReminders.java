package io.vendo.notification;

import io.vendo.environment.EnvironmentEvent.LeaseExpired;
import io.vendo.environment.EnvironmentEvent.LeaseReminderDue;
import io.vendo.environment.Environments;
import io.vendo.identity.Directory;
import java.time.Duration;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells the owner of an environment that its lease ends soon (with a link to extend it), and that it ended. */
@Component
class LeaseReminders {

    private final Environments environments;
    private final Directory directory;
    private final MailComposer composer;
    private final MailTransport mail;
    private final PortalLinks links;

    LeaseReminders(
            Environments environments,
            Directory directory,
            MailComposer composer,
            MailTransport mail,
            PortalLinks links) {
        this.environments = environments;
        this.directory = directory;
        this.composer = composer;
        this.mail = mail;
        this.links = links;
    }

    @ApplicationModuleListener
    void on(LeaseReminderDue due) {
        var environment = environments.require(due.environmentId());
        directory
                .person(due.owner())
                .ifPresent(owner -> mail.send(composer.compose(
                        owner.email(),
                        "Your environment %s expires in %s".formatted(environment.name(), inWords(due.before())),
                        "lease-reminder",
                        Map.of(
                                "environment",
                                environment,
                                "expiresAt",
                                due.expiresAt(),
                                "environmentUrl",
                                links.environment(environment.id()),
                                "extendUrl",
                                links.extension(environment.id())))));
    }

    /** The lease ended and Vendo filed the decommissioning: the owner hears it from Vendo, not from the approvers. */
    @ApplicationModuleListener
    void on(LeaseExpired expired) {
        var environment = environments.require(expired.environmentId());
        directory
                .person(environment.owner())
                .ifPresent(owner -> mail.send(composer.compose(
                        owner.email(),
                        "Your environment %s expired: decommissioning requested".formatted(environment.name()),
                        "lease-expired",
                        Map.of(
                                "environment",
                                environment,
                                "environmentUrl",
                                links.environment(environment.id()),
                                "requestUrl",
                                links.request(expired.requestId())))));
    }

    private static String inWords(Duration before) {
        var days = before.toDays();
        if (days >= 1 && before.equals(Duration.ofDays(days))) {
            return days == 1 ? "1 day" : days + " days";
        }
        return before.toHours() + " hours";
    }
}
