package io.vendo.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** What the local outbox keeps of a mail, and how many. */
class LocalOutboxTest {

    private final LocalOutbox outbox = new LocalOutbox(java.time.Clock.systemUTC());

    @Test
    void keepsTheMailsLinksAndTextButNothingAPageMayNotRun() {
        var delivered = new ArrayList<MailMessage>();
        outbox.keeping(delivered::add)
                .send(
                        new MailMessage(
                                "approver@vendo.local",
                                "Approval needed",
                                "Open https://vendo.example/approvals/abc",
                                """
                        <html><head><title>Approval needed</title><style>p {color: red}</style><script>alert('head')</script></head>
                        <body style="font-family: Arial"><p onclick="alert('click')">Please
                          <a href="https://vendo.example/approvals/abc" style="color: #fff">Review and approve</a>
                          <a href="javascript:alert('link')">not a link</a></p>
                        <table><tr><th>SiteName</th><td>my-site</td></tr></table>
                        <img src="https://tracker.example/pixel.gif"><script>alert('body')</script></body></html>
                        """));

        assertThat(delivered).hasSize(1);
        var kept = outbox.newestFirst().getFirst();
        assertThat(kept.to()).isEqualTo("approver@vendo.local");
        assertThat(kept.safeHtml())
                .contains("<a href=\"https://vendo.example/approvals/abc\">Review and approve</a>")
                .contains("<th>SiteName</th>")
                .contains("<td>my-site</td>")
                .doesNotContain(
                        "script",
                        "alert",
                        "onclick",
                        "style",
                        "javascript:",
                        "img",
                        "tracker",
                        "title",
                        "red",
                        "Approval needed");
    }

    @Test
    void showsTheNewestFirstAndKeepsTheNewestHundred() {
        for (int i = 1; i <= LocalOutbox.KEPT + 5; i++) {
            outbox.keep(new MailMessage("a@vendo.local", "mail " + i, "text", "<p>html</p>"));
        }

        var kept = outbox.newestFirst();
        assertThat(kept).hasSize(LocalOutbox.KEPT);
        assertThat(kept.getFirst().subject()).isEqualTo("mail " + (LocalOutbox.KEPT + 5));
        assertThat(kept.getLast().subject()).isEqualTo("mail 6");
        assertThat(kept.getFirst().number()).isGreaterThan(kept.get(1).number());
    }
}
