package io.vendo.notification;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether any team has a Slack webhook ({@code vendo.notification.slack-webhooks}). Without one, the Slack listener
 * is not registered at all: a registered listener costs every opened approval an event publication and a transaction
 * of its own, even when it has nothing to post.
 */
class SlackWebhooksConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Binder.get(context.getEnvironment())
                .bind("vendo.notification.slack-webhooks", Bindable.mapOf(String.class, String.class))
                .map(webhooks -> !webhooks.isEmpty())
                .orElse(false);
    }
}
