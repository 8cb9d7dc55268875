package io.vendo.aws;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts AWS's state into every page's model, so the layout can say that nothing will be created ({@code awsDryRun}), or
 * that AWS is configured but cannot be reached, and why ({@code awsUnreachable}: the reason is shown to admins).
 */
@ControllerAdvice(annotations = io.vendo.web.PageController.class)
class DryRunBanner {

    private final AwsConnection aws;
    private final AwsReachability reachability;

    DryRunBanner(AwsConnection aws, AwsReachability reachability) {
        this.aws = aws;
        this.reachability = reachability;
    }

    @ModelAttribute("awsDryRun")
    boolean awsDryRun() {
        return !aws.live();
    }

    @ModelAttribute("awsUnreachable")
    @Nullable
    String awsUnreachable() {
        return reachability.unreachable().orElse(null);
    }
}
