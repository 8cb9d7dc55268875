package io.vendo.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code vendo.web}.
 *
 * @param apiMaxBodySize the largest request body {@code /api/**} accepts; larger ones are refused with 413 before a
 *     byte of them is parsed (a request carries a blueprint, a target, a justification and a few parameter values)
 * @param templateMaxBodySize the largest body {@code /api/v1/blueprints/**} accepts: those carry a template as a JSON
 *     string, and CloudFormation's own 51,200-byte limit for a template body can grow past 64 KB once quotes and line
 *     breaks are escaped; the template parser enforces CloudFormation's limit on the unescaped text
 * @param batchMaxBodySize the largest body {@code /api/v1/request-batches} accepts: a fleet carries up to a thousand
 *     rows of a target and parameter values
 */
@ConfigurationProperties("vendo.web")
record WebProperties(
        @DefaultValue("64KB") DataSize apiMaxBodySize,
        @DefaultValue("160KB") DataSize templateMaxBodySize,
        @DefaultValue("2MB") DataSize batchMaxBodySize) {}
