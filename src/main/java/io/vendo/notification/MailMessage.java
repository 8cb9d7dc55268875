package io.vendo.notification;

/** An e-mail with an HTML and a plain-text body. */
record MailMessage(String to, String subject, String text, String html) {

    /**
     * This message for one recipient, with their own value where the draft has the placeholder (a value only they may
     * read, such as their one-time link). The placeholder must be unguessable, so that nothing else in the draft
     * (a justification, a parameter value) can contain it.
     */
    MailMessage personalised(String recipient, String placeholder, String value) {
        return new MailMessage(recipient, subject, text.replace(placeholder, value), html.replace(placeholder, value));
    }
}
