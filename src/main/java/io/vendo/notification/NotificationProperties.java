package io.vendo.notification;

import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code vendo.notification}.
 *
 * @param baseUrl the portal's public address, for links in messages; the local server's address when unset
 * @param mailFrom the sender of Vendo's e-mails (for SES: a verified identity)
 * @param mailTransport {@code auto}: SMTP when {@code spring.mail.host} is set, else the log; or force {@code smtp},
 *     {@code ses}, {@code log}
 * @param ses where SES is, when {@code mailTransport} is {@code ses}
 * @param slackWebhooks Slack incoming-webhook URL per team; teams without one get no Slack messages
 */
@ConfigurationProperties("vendo.notification")
record NotificationProperties(
        @Nullable URI baseUrl,
        @DefaultValue("Vendo <vendo@vendo.local>") String mailFrom,
        @DefaultValue("auto") Transport mailTransport,
        @DefaultValue Ses ses,
        @DefaultValue Map<String, URI> slackWebhooks) {

    enum Transport {
        AUTO,
        SMTP,
        SES,
        LOG
    }

    /**
     * @param region the SES region
     * @param endpointUrl an SES endpoint other than AWS's (an emulator, a test server)
     * @param configurationSet an SES configuration set for delivery events, if any
     */
    record Ses(
            @DefaultValue("eu-west-1") String region, @Nullable URI endpointUrl, @Nullable String configurationSet) {}
}
