package io.vendo.notification;

import java.util.UUID;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Absolute links into the portal, for messages read outside it. */
@Component
class PortalLinks {

    private final NotificationProperties properties;
    private final Environment environment;

    PortalLinks(NotificationProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    String approval(String token) {
        return base() + "/approvals/" + token;
    }

    String request(UUID requestId) {
        return base() + "/requests/" + requestId;
    }

    String batch(UUID batchId) {
        return base() + "/request-batches/" + batchId;
    }

    String environment(UUID environmentId) {
        return base() + "/environments/" + environmentId;
    }

    /** The environment's page, opened at its extension form. */
    String extension(UUID environmentId) {
        return environment(environmentId) + "#extend";
    }

    private String base() {
        if (properties.baseUrl() != null) {
            return properties.baseUrl().toString().replaceAll("/+$", "");
        }
        // Resolved per message: the local server's port is known only once it has started.
        return "http://localhost:" + environment.getProperty("local.server.port", "8080");
    }
}
