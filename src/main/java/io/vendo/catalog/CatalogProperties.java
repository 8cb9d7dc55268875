package io.vendo.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code vendo.catalog}.
 *
 * @param demo whether to add the demo blueprint and target at start-up (the local run does)
 */
@ConfigurationProperties("vendo.catalog")
record CatalogProperties(@DefaultValue("false") boolean demo) {}
