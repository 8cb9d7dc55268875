package io.vendo.notification;

import io.vendo.web.PageController;
import org.springframework.context.annotation.Profile;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The local run's outbox page: open to everyone, as a local mail catcher is, since the approver reads their mail
 * before logging in. Only in the {@code local} profile.
 */
@PageController
@Profile("local")
class LocalOutboxController {

    private final LocalOutbox outbox;

    LocalOutboxController(LocalOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping(LocalOutbox.PATH)
    String outbox(Model model) {
        model.addAttribute("mails", outbox.newestFirst());
        model.addAttribute("kept", LocalOutbox.KEPT);
        return "notification/outbox";
    }
}
