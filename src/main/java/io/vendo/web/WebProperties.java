package io.vendo.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code vendo.web}.
 *
 * @param apiMaxBodySize the largest request body {@code /api/**} accepts; larger ones are refused with 413 before a
 *     byte of them is parsed (a request carries a blueprint, a target, a justification and a few parameter values)
 */
@ConfigurationProperties("vendo.web")
record WebProperties(@DefaultValue("64KB") DataSize apiMaxBodySize) {}
