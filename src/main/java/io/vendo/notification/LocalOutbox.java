package io.vendo.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The local run's mail: every mail the portal sends is kept here as well (the newest {@value #KEPT}, until the portal
 * stops) and shown at {@code /local/outbox}, so that a newcomer can follow an approval link without a mail server.
 * Exists only in the {@code local} profile; a deployment has no outbox, its mail goes to SMTP or SES.
 */
@Component
@Profile("local")
class LocalOutbox {

    static final int KEPT = 100;
    static final String PATH = "/local/outbox";

    private static final Logger log = LoggerFactory.getLogger(LocalOutbox.class);

    /**
     * What a mail's HTML may keep on the page: structure, text, tables and links, as a mail client shows them. Scripts,
     * event handlers, inline styles and images are dropped: the page's Content-Security-Policy allows none of them. The
     * head (title, styles) is not shown at all.
     */
    private static final Safelist SHOWN = Safelist.relaxed().removeTags("img");

    private final Clock clock;
    private final Deque<Sent> mails = new ArrayDeque<>();
    private long sent;

    LocalOutbox(Clock clock) {
        this.clock = clock;
    }

    /** Delivers through {@code delivery} (the log, or a mail server if one is configured) and keeps what was sent. */
    MailTransport keeping(MailTransport delivery) {
        return message -> {
            delivery.send(message);
            keep(message);
        };
    }

    /**
     * Keeps the mail as sent; its HTML is cleaned when the page shows it. Cleaning every mail as it was sent was 8 % of
     * the portal's CPU under the submission benchmark (three invitations per submission), for pages rarely opened.
     */
    synchronized void keep(MailMessage message) {
        mails.addFirst(new Sent(++sent, clock.instant(), message));
        while (mails.size() > KEPT) {
            mails.removeLast();
        }
        log.info("Mail \"{}\" to {} is in the local outbox: {}", message.subject(), message.to(), PATH);
    }

    /** The kept mails, newest first. */
    List<KeptMail> newestFirst() {
        List<Sent> newest;
        synchronized (this) {
            newest = List.copyOf(mails);
        }
        return newest.stream()
                .map(mail -> new KeptMail(
                        mail.number(),
                        mail.sentAt(),
                        mail.message().to(),
                        mail.message().subject(),
                        mail.message().text(),
                        Jsoup.clean(Jsoup.parse(mail.message().html()).body().html(), SHOWN)))
                .toList();
    }

    private record Sent(long number, Instant sentAt, MailMessage message) {}

    /**
     * @param number counts the mails sent since the portal started
     * @param safeHtml the HTML body, reduced to what may be shown on a page of the portal
     */
    record KeptMail(long number, Instant sentAt, String to, String subject, String text, String safeHtml) {}
}
