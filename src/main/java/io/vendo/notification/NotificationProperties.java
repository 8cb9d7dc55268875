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
 * @param mailFrom the sender of Vendo's e-mails
 * @param slackWebhooks Slack incoming-webhook URL per team; teams without one get no Slack messages
 */
@ConfigurationProperties("vendo.notification")
record NotificationProperties(
        @Nullable URI baseUrl,
        @DefaultValue("Vendo <vendo@vendo.local>") String mailFrom,
        @DefaultValue Map<String, URI> slackWebhooks) {}
