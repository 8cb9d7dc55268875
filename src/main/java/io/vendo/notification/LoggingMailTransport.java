package io.vendo.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where no mail server is configured (the local run): says in the log that a mail was not sent, and to whom. The body
 * stays out of the log: it may hold a one-time approval link.
 */
class LoggingMailTransport implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(LoggingMailTransport.class);

    @Override
    public void send(MailMessage message) {
        log.info(
                "No mail server configured (spring.mail.host): not sending \"{}\" to {}",
                message.subject(),
                message.to());
    }
}
