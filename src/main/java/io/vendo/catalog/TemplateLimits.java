package io.vendo.catalog;

import java.nio.charset.StandardCharsets;

/** CloudFormation's quotas on one template: how large its source may be, and how much it may declare. */
final class TemplateLimits {

    static final int MAX_PARAMETERS = 200;
    static final int MAX_RESOURCES = 500;
    static final int MAX_OUTPUTS = 200;

    private TemplateLimits() {}

    /** Checked before the body is read at all, so that an oversized body costs no parsing. */
    static void checkSize(String body, TemplateSource source) {
        var bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > source.maxBytes()) {
            throw new InvalidTemplateException(
                    "Template is %,d bytes; CloudFormation accepts at most %,d for a template %s"
                            .formatted(bytes, source.maxBytes(), source.where()));
        }
    }

    static void checkCounts(int parameters, int resources, int outputs) {
        check("parameters", parameters, MAX_PARAMETERS);
        check("resources", resources, MAX_RESOURCES);
        check("outputs", outputs, MAX_OUTPUTS);
    }

    private static void check(String what, int count, int max) {
        if (count > max) {
            throw new InvalidTemplateException(
                    "Template declares %d %s; CloudFormation accepts at most %d".formatted(count, what, max));
        }
    }
}
