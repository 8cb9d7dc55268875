package io.vendo.aws;

import io.vendo.execution.ProvisioningException.Retry;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * What a failed AWS call said, read in one place for every adapter: AWS's error code and message (or, when the call
 * never got an answer, the SDK's), and what the failure means to whoever made the call: wait until AWS is free, retry
 * a few times, or give up.
 *
 * @param code AWS's error code, e.g. {@code ThrottlingException}; null when AWS did not answer with one
 * @param status the HTTP status of AWS's answer; null when there was no answer
 * @param exception the SDK exception's simple name
 */
record AwsError(@Nullable String code, String message, @Nullable Integer status, Retry retry, String exception) {

    /** Codes with which AWS says "not now" rather than "no". */
    private static final Set<String> BUSY_CODES = Set.of(
            "TooManyRequestsException",
            "ThrottlingException",
            "Throttling",
            "RequestLimitExceeded",
            "ConcurrentModificationException",
            "OperationInProgressException",
            "ResourceInUseException");

    static AwsError of(RuntimeException failure) {
        if (failure instanceof AwsServiceException e) {
            var details = e.awsErrorDetails();
            var code = details != null ? details.errorCode() : null;
            var message = details != null && details.errorMessage() != null ? details.errorMessage() : e.getMessage();
            return new AwsError(
                    code, String.valueOf(message), e.statusCode(), retryOf(e, code, message), simpleName(e));
        }
        // No answer from AWS (connection trouble, a timeout, credentials that do not resolve): probably transient.
        var retry = failure instanceof SdkClientException ? Retry.LIMITED : Retry.NEVER;
        return new AwsError(null, String.valueOf(failure.getMessage()), null, retry, simpleName(failure));
    }

    private static String simpleName(RuntimeException failure) {
        return failure.getClass().getSimpleName();
    }

    /** Whether AWS answered with this error code and, when given, a message containing each of these fragments. */
    boolean is(String code, String... messageFragments) {
        if (!code.equals(this.code)) {
            return false;
        }
        for (var fragment : messageFragments) {
            if (!message.contains(fragment)) {
                return false;
            }
        }
        return true;
    }

    /** AWS's code, else the HTTP status of an answer without one; null when AWS did not answer. */
    @Nullable
    String codeOrStatus() {
        return code != null ? code : status != null ? String.valueOf(status) : null;
    }

    /** A name for the failure where its message does not fit (a metric's tag): never blank. */
    String label() {
        return code != null ? code : status != null ? "HTTP " + status : exception;
    }

    private static Retry retryOf(AwsServiceException e, @Nullable String code, @Nullable String message) {
        // Control Tower's Account Factory refuses with "... because another AWS Control Tower operation is in
        // progress. Try again later." (Service Catalog's InvalidStateException or ResourceInUseException).
        if (e.isThrottlingException()
                || (code != null && BUSY_CODES.contains(code))
                || (message != null && message.toLowerCase(Locale.ROOT).contains("operation is in progress"))) {
            return Retry.WHEN_AWS_IS_FREE;
        }
        return e.statusCode() >= 500 ? Retry.LIMITED : Retry.NEVER;
    }
}
