package io.vendo.aws;

import io.vendo.execution.ProvisioningException;
import io.vendo.execution.ProvisioningException.Retry;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Maps SDK failures (after the SDK's own retries) to the executor's terms: wait until AWS is free (throttling, a busy
 * Control Tower or StackSet), retry a few times (5xx, connection trouble), or give up with AWS's code and message.
 */
final class AwsCalls {

    /** Codes with which AWS says "not now" rather than "no". */
    private static final Set<String> BUSY_CODES = Set.of(
            "TooManyRequestsException",
            "ThrottlingException",
            "Throttling",
            "RequestLimitExceeded",
            "ConcurrentModificationException",
            "OperationInProgressException",
            "ResourceInUseException");

    private AwsCalls() {}

    static <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            var details = e.awsErrorDetails();
            var code = details != null && details.errorCode() != null
                    ? details.errorCode()
                    : String.valueOf(e.statusCode());
            var message = details != null && details.errorMessage() != null ? details.errorMessage() : e.getMessage();
            throw new ProvisioningException(
                    "%s failed: %s: %s".formatted(operation, code, message), code, retryOf(e, code, message), e);
        } catch (SdkClientException e) {
            throw new ProvisioningException(
                    "%s failed: %s".formatted(operation, e.getMessage()), null, Retry.LIMITED, e);
        } catch (SdkException e) {
            throw new ProvisioningException("%s failed: %s".formatted(operation, e.getMessage()), null, Retry.NEVER, e);
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
        var details = e.awsErrorDetails();
        if (details == null || !code.equals(details.errorCode())) {
            return false;
        }
        var message = String.valueOf(details.errorMessage());
        for (var fragment : messageFragments) {
            if (!message.contains(fragment)) {
                return false;
            }
        }
        return true;
    }

    private static Retry retryOf(AwsServiceException e, String code, String message) {
        // Control Tower's Account Factory refuses with "... because another AWS Control Tower operation is in
        // progress. Try again later." (Service Catalog's InvalidStateException or ResourceInUseException).
        if (e.isThrottlingException()
                || BUSY_CODES.contains(code)
                || message.toLowerCase(Locale.ROOT).contains("operation is in progress")) {
            return Retry.WHEN_AWS_IS_FREE;
        }
        return e.statusCode() >= 500 ? Retry.LIMITED : Retry.NEVER;
    }
}
