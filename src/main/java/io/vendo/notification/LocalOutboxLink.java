package io.vendo.notification;

import io.vendo.web.PageController;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts {@code localOutbox} into every page's model in the local run, so that the layout links the outbox. */
@ControllerAdvice(annotations = PageController.class)
@Profile("local")
class LocalOutboxLink {

    @ModelAttribute("localOutbox")
    String localOutbox() {
        return LocalOutbox.PATH;
    }
}
