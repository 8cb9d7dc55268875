package io.vendo.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points the portal's AWS clients at {@link AwsStub}, in live mode. */
public final class LiveAws {

    private LiveAws() {}

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("vendo.aws.mode", () -> "live");
        registry.add("vendo.aws.endpoint-url", AwsStub::endpoint);
    }
}
