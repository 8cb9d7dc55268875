package io.vendo.notification;

import io.vendo.approval.ApprovalEvent.ApprovalOpened;
import io.vendo.request.Requests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.annotation.Conditional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts each new approval to the requesting team's Slack channel through its incoming webhook. A channel is shared,
 * so the message links to the request page, where approvers decide after logging in, never to a one-time link. Only
 * registered when a webhook is configured.
 */
@Component
@Conditional(SlackWebhooksConfigured.class)
class SlackInvitations {

    private final NotificationProperties properties;
    private final Requests requests;
    private final PortalLinks links;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json;

    SlackInvitations(NotificationProperties properties, Requests requests, PortalLinks links, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.requests = requests;
        this.links = links;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ApprovalOpened opened) {
        var webhook = properties.slackWebhooks().get(opened.team());
        if (webhook == null) {
            return;
        }
        var request = requests.require(opened.requestId());
        var text = ":inbox_tray: *%s* on *%s* requested by %s waits for approval (%s).\n<%s|Review the request>"
                .formatted(
                        request.blueprintName(),
                        request.targetName(),
                        request.requester(),
                        opened.requirements(),
                        links.request(request.id()));
        post(webhook, json.writeValueAsString(Map.of("text", text)));
    }

    /** Fails unless Slack accepts the message, so that the event stays unhandled and is delivered again later. */
    private void post(URI webhook, String body) {
        var request = HttpRequest.newBuilder(webhook)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        "Slack refused the message with HTTP %d".formatted(response.statusCode()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Slack could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while posting to Slack", e);
        }
    }
}
