package io.vendo.aws;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts AWS calls that failed after the SDK's own retries, by service, operation and AWS error code (or the
 * client-side exception, e.g. a connection reset), on every client {@link AwsConnection} builds.
 */
@Component
class AwsErrorMetrics implements ExecutionInterceptor {

    private final MeterRegistry meters;

    AwsErrorMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Counter.builder("vendo.aws.errors")
                .description("AWS calls that failed after the SDK's retries, by AWS error code")
                .tag("service", String.valueOf(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)))
                .tag("operation", String.valueOf(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)))
                .tag("code", code(context.exception()))
                .register(meters)
                .increment();
    }

    private static String code(Throwable failure) {
        return failure instanceof SdkException sdk ? AwsError.of(sdk).label() : "Unexpected";
    }
}
