package io.vendo.request.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vendo.support.VendoIntegrationTest;
import io.vendo.support.WebSession;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The request form's one-time token without a browser in between: the same reviewed form sent twice at once, and
 * again later, files one request and sends every copy to it; the token sent again with changed values files nothing
 * and says why.
 */
@VendoIntegrationTest
class RequestFormTokenTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aReviewedFormSentTwiceAtOnceFilesOneRequest() throws Exception {
        var requester = new WebSession(port).logIn("requester");
        var form = requester.get("/blueprints/static-website/request");
        var matcher = TOKEN.matcher(form.body());
        assertThat(matcher.find()).isTrue();
        var fields = new HashMap<String, String>(Map.of(
                "formToken", matcher.group(1),
                "target", "sandbox-eu-west-1",
                "parameters[SiteName]", "token-site",
                "justification", "Sent twice"));
        var review = requester.post("/blueprints/static-website/request", fields);
        assertThat(review.body()).contains("Review your request");
        var before = stored("token-site");

        fields.put("step", "submit");
        Callable<WebSession.Response> send = () -> requester.post("/blueprints/static-website/request", fields);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var first = threads.submit(send);
            var second = threads.submit(send);
            var one = first.get();
            var other = second.get();
            assertThat(one.status()).isEqualTo(302);
            assertThat(other.status()).isEqualTo(302);
            assertThat(other.location()).isEqualTo(one.location()).contains("/requests/");
        }
        assertThat(stored("token-site")).isEqualTo(before + 1);

        var later = requester.post("/blueprints/static-website/request", fields);
        assertThat(later.status()).isEqualTo(302);
        assertThat(stored("token-site")).isEqualTo(before + 1);

        // Back to the review, a value changed, sent again with the same token: that is not a repeat.
        fields.put("justification", "Changed my mind about why");
        var changed = requester.post("/blueprints/static-website/request", fields);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body()).contains("This form was already submitted");
        assertThat(stored("token-site")).isEqualTo(before + 1);
    }

    private int stored(String siteName) {
        return jdbc.queryForObject(
                "select count(*) from vending_request where parameters ->> 'SiteName' = ?", Integer.class, siteName);
    }
}
