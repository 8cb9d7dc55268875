package io.vendo.environment.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code vendo.environment.page}: how often an open environment page looks for changes on its own while
 * something is under way on it (a drift check running, a day-2 request at work). It looks only then; at rest it does
 * not look at all.
 *
 * @param refresh the first wait; each look that finds nothing new doubles it
 * @param refreshMax the longest wait
 */
@ConfigurationProperties("vendo.environment.page")
record EnvironmentPageSettings(@DefaultValue("3s") Duration refresh, @DefaultValue("30s") Duration refreshMax) {}
