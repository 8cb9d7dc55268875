package io.vendo.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A real SMTP server (GreenMail) for the whole run; tests read what the portal sent to whom. */
public final class Mailbox {

    private static final Pattern APPROVAL_LINK = Pattern.compile("https?://[^\\s\"<>]+/approvals/[A-Za-z0-9_-]+");
    private static GreenMail server;

    private Mailbox() {}

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> server().getSmtp().getPort());
    }

    /** Mails to this address, oldest first. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(server().getReceivedMessages())
                .filter(message ->
                        GreenMailUtil.getAddressList(recipients(message)).contains(address))
                .toList();
    }

    /** Waits until {@code count} mails to the address whose subject contains the text arrived, and returns them. */
    public static List<MimeMessage> await(String address, String subject, int count) {
        return org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(
                        () -> to(address).stream()
                                .filter(message -> subject(message).contains(subject))
                                .toList(),
                        messages -> messages.size() >= count);
    }

    /** Waits for the first mail to the address whose subject contains {@code subject} and whose body mentions {@code about}. */
    public static MimeMessage awaitAbout(String address, String subject, String about) {
        return org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(
                        () -> to(address).stream()
                                .filter(message -> subject(message).contains(subject))
                                .filter(message -> body(message).contains(about))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    /** The one-time approval link in a mail's text part (with {@code ?decision=…} stripped). */
    public static String approvalLink(MimeMessage message) {
        var matcher = APPROVAL_LINK.matcher(body(message));
        if (!matcher.find()) {
            throw new AssertionError("No approval link in the mail: " + body(message));
        }
        return matcher.group();
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded plain-text part of a mail. */
    public static String body(MimeMessage message) {
        try {
            return text(message.getContent());
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object content) throws jakarta.mail.MessagingException, java.io.IOException {
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return (String) part.getContent();
                }
                if (part.getContent() instanceof jakarta.mail.Multipart nested) {
                    var found = text(nested);
                    if (!found.isEmpty()) {
                        return found;
                    }
                }
            }
            return "";
        }
        return String.valueOf(content);
    }

    private static jakarta.mail.Address[] recipients(MimeMessage message) {
        try {
            return message.getAllRecipients();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
