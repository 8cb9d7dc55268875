package io.vendo.notification;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    /**
     * As configured; by default SMTP when Spring Boot configured a mail sender ({@code spring.mail.host}), else the log.
     */
    @Bean
    MailTransport mailTransport(
            ObjectProvider<JavaMailSender> sender,
            NotificationProperties properties,
            ObjectProvider<LocalOutbox> localOutbox) {
        var transport = transport(sender.getIfAvailable(), properties);
        // The local run also keeps every mail for its outbox page.
        var outbox = localOutbox.getIfAvailable();
        return outbox == null ? transport : outbox.keeping(transport);
    }

    private static MailTransport transport(@Nullable JavaMailSender smtp, NotificationProperties properties) {
        return switch (properties.mailTransport()) {
            case SES -> new SesMailTransport(properties.ses(), properties.mailFrom());
            case LOG -> new LoggingMailTransport();
            case SMTP -> {
                if (smtp == null) {
                    throw new IllegalStateException("vendo.notification.mail-transport=smtp needs spring.mail.host");
                }
                yield new SmtpMailTransport(smtp, properties.mailFrom());
            }
            case AUTO -> smtp != null ? new SmtpMailTransport(smtp, properties.mailFrom()) : new LoggingMailTransport();
        };
    }

    /** Plain-text bodies of e-mails: {@code templates/mail/*.txt} in Thymeleaf's TEXT mode. */
    @Bean
    ITemplateResolver textMailTemplates() {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setResolvablePatterns(Set.of("mail/*.txt"));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setOrder(0);
        return resolver;
    }
}
