package io.vendo.notification;

import io.vendo.approval.ApprovalEvent.ApprovalOpened;
import io.vendo.request.Requests;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts each new approval to the requesting team's Slack channel through its incoming webhook. A channel is shared,
 * so the message links to the request page, where approvers decide after logging in, never to a one-time link.
 */
@Component
class SlackInvitations {

    private final NotificationProperties properties;
    private final Requests requests;
    private final PortalLinks links;
    private final RestClient http;

    private final JsonMapper json;

    SlackInvitations(NotificationProperties properties, Requests requests, PortalLinks links, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.requests = requests;
        this.links = links;
        var factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        factory.setReadTimeout(Duration.ofSeconds(10));
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    @ApplicationModuleListener
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
        http.post()
                .uri(webhook)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(Map.of("text", text)))
                .retrieve()
                .toBodilessEntity();
    }
}
