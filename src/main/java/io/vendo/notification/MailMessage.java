package io.vendo.notification;

/** An e-mail with an HTML and a plain-text body. */
record MailMessage(String to, String subject, String text, String html) {}
