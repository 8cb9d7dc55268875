package io.vendo.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The Slack listener exists only where a team has a webhook (NotificationChannelsTest posts through one). */
class SlackWebhooksConfiguredTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(OnlyWithSlack.class);

    @Test
    void noWebhookNoListener() {
        runner.run(context -> assertThat(context).doesNotHaveBean("slackListener"));
        runner.withPropertyValues("vendo.notification.base-url=https://vendo.example.com")
                .run(context -> assertThat(context).doesNotHaveBean("slackListener"));
    }

    @Test
    void aTeamsWebhookRegistersTheListener() {
        runner.withPropertyValues("vendo.notification.slack-webhooks.web-team=https://hooks.slack.com/services/T/B/x")
                .run(context -> assertThat(context).hasBean("slackListener"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OnlyWithSlack {

        @Bean
        @Conditional(SlackWebhooksConfigured.class)
        String slackListener() {
            return "registered";
        }
    }
}
