package io.vendo.aws;

import io.vendo.execution.ProvisioningException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Maps SDK failures (after the SDK's own retries) to the executor's terms, as {@link AwsError} classifies them: wait
 * until AWS is free (throttling, a busy Control Tower or StackSet), retry a few times (5xx, connection trouble), or
 * give up with AWS's code and message.
 */
final class AwsCalls {

    private AwsCalls() {}

    static <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            var error = AwsError.of(e);
            var text = e instanceof AwsServiceException
                    ? "%s failed: %s: %s".formatted(operation, error.codeOrStatus(), error.message())
                    : "%s failed: %s".formatted(operation, e.getMessage());
            throw new ProvisioningException(text, error.codeOrStatus(), error.retry(), e);
        }
    }

    static void run(String operation, Runnable call) {
        call(operation, () -> {
            call.run();
            return null;
        });
    }

    /** Whether AWS answered with this error code (and, when given, a message containing this text). */
    static boolean is(AwsServiceException e, String code, String... messageFragments) {
        return AwsError.of(e).is(code, messageFragments);
    }
}
