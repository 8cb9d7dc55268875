package io.vendo.web;

import com.fasterxml.jackson.annotation.Nulls;
import java.text.ParseException;
import java.time.Instant;
import java.util.Locale;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.datetime.standard.InstantFormatter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Where outside input enters, it is held to what Vendo can store and compare, so that hostile values end in a 400
 * naming the field instead of an exception deep inside: every string of a JSON request body passes {@link
 * PlainText#FREE_TEXT} (and every map key {@link PlainText#SINGLE_LINE}), a {@code null} inside a list or map is
 * refused, and instants in query parameters are held to {@link BoundedInstant}. Query, path and form values pass
 * {@link PlainText#FREE_TEXT} through {@link PlainTextBinding}.
 *
 * <p>Only bodies read from HTTP get these rules: the application's own JSON (events, stored columns) is read by the
 * unchanged mapper.
 */
@Configuration(proxyBeanMethods = false)
class UntrustedInput implements WebMvcConfigurer {

    /** Runs after Boot's own JSON converter customizer and replaces the converter it registered. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ServerHttpMessageConvertersCustomizer untrustedJsonBodies(JsonMapper jsonMapper) {
        var checked = jsonMapper
                .rebuild()
                .addModule(new SimpleModule("untrusted-text")
                        .addDeserializer(String.class, new CheckedStrings())
                        .addKeyDeserializer(String.class, new CheckedKeys()))
                .changeDefaultNullHandling(nulls -> nulls.withContentNulls(Nulls.FAIL))
                .build();
        return builder -> builder.withJsonConverter(new JacksonJsonHttpMessageConverter(checked));
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(Instant.class, new BoundedInstantFormatter());
    }

    static final class CheckedStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            var value = super.deserialize(parser, context);
            if (value != null) {
                var problem = PlainText.FREE_TEXT.problem(value);
                if (problem.isPresent()) {
                    throw new RefusedJsonTextException(parser, problem.get());
                }
            }
            return value;
        }
    }

    static final class CheckedKeys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            var problem = PlainText.SINGLE_LINE.problem(key);
            if (problem.isPresent()) {
                throw new RefusedJsonTextException(context.getParser(), "has a key that " + problem.get());
            }
            return key;
        }
    }

    /** Spring's ISO-8601 instants, within the years the database and Java's millisecond arithmetic hold. */
    static final class BoundedInstantFormatter implements Formatter<Instant> {

        private final InstantFormatter iso = new InstantFormatter();

        @Override
        public Instant parse(String text, Locale locale) throws ParseException {
            Instant instant;
            try {
                instant = iso.parse(text, locale);
            } catch (RuntimeException | ParseException notAnInstant) {
                throw new RefusedValueException("is not an ISO-8601 instant such as 2026-11-23T00:00:00Z");
            }
            if (!BoundedInstant.accepts(instant)) {
                throw new RefusedValueException(BoundedInstant.RANGE);
            }
            return instant;
        }

        @Override
        public String print(Instant instant, Locale locale) {
            return iso.print(instant, locale);
        }
    }
}
