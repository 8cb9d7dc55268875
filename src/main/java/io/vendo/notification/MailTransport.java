package io.vendo.notification;

/** Delivers e-mail: by SMTP when a mail server is configured, else to the log. */
interface MailTransport {

    void send(MailMessage message);
}
