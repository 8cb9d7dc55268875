package io.vendo.notification;

import org.springframework.beans.factory.DisposableBean;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Sends mail through Amazon SES (API v2) with the SDK's default credentials, as simple text + HTML content. */
class SesMailTransport implements MailTransport, DisposableBean {

    private final SesV2Client ses;
    private final String from;
    private final NotificationProperties.Ses settings;

    SesMailTransport(NotificationProperties.Ses settings, String from) {
        var builder = SesV2Client.builder()
                .region(Region.of(settings.region()))
                .overrideConfiguration(config -> config.retryStrategy(RetryMode.STANDARD));
        if (settings.endpointUrl() != null) {
            builder.endpointOverride(settings.endpointUrl());
        }
        this.ses = builder.build();
        this.from = from;
        this.settings = settings;
    }

    @Override
    public void send(MailMessage message) {
        ses.sendEmail(email -> email.fromEmailAddress(from)
                .destination(destination -> destination.toAddresses(message.to()))
                .configurationSetName(settings.configurationSet())
                .content(content -> content.simple(simple -> simple.subject(
                                subject -> subject.data(message.subject()).charset("UTF-8"))
                        .body(body -> body.text(
                                        text -> text.data(message.text()).charset("UTF-8"))
                                .html(html -> html.data(message.html()).charset("UTF-8"))))));
    }

    @Override
    public void destroy() {
        ses.close();
    }
}
