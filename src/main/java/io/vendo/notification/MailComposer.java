package io.vendo.notification;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** Renders an e-mail's HTML and text bodies from {@code templates/mail/<name>.html} and {@code .txt}. */
@Component
class MailComposer {

    private final ITemplateEngine templates;

    MailComposer(ITemplateEngine templates) {
        this.templates = templates;
    }

    MailMessage compose(String to, String subject, String template, Map<String, Object> model) {
        var context = new Context(Locale.ENGLISH, model);
        context.setVariable("subject", subject);
        return new MailMessage(
                to,
                subject,
                templates.process("mail/" + template + ".txt", context),
                templates.process("mail/" + template, context));
    }
}
