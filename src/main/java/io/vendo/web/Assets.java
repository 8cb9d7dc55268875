package io.vendo.web;

import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The CSS and JavaScript of the pages, under names that carry a hash of their content ({@code app-3f2a….css}): a
 * browser keeps each one for a year without asking again ({@code immutable}), and a new build changes the name, so
 * nobody ever runs a stale script. Pages link them through {@code @{/assets/…}}, which Spring's
 * {@code ResourceUrlEncodingFilter} rewrites to the hashed name (the resource chain is switched on in
 * {@code application.yml}). The Brotli and gzip copies made by the frontend build are served to browsers that accept
 * them (Brotli, made by the frontend build).
 */
@Configuration(proxyBeanMethods = false)
class Assets implements WebMvcConfigurer {

    static final String PATH = "/assets/**";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        var compressed = new EncodedResourceResolver();
        // Brotli only: with both at hand Spring picks the first coding the browser lists, and browsers list gzip
        // first. Every current browser takes Brotli; any other client gets the file gzipped on the fly by the server.
        compressed.setContentCodings(List.of("br"));
        registry.addResourceHandler(PATH)
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .resourceChain(true)
                // Ahead of the version resolver, as Spring asks: it looks for app.css.br next to app.css.
                .addResolver(compressed)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
    }
}
