package io.vendo.aws;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts {@code awsDryRun} into every page's model, so the layout can say that nothing will be created. */
@ControllerAdvice(annotations = io.vendo.web.PageController.class)
class DryRunBanner {

    private final AwsConnection aws;

    DryRunBanner(AwsConnection aws) {
        this.aws = aws;
    }

    @ModelAttribute("awsDryRun")
    boolean awsDryRun() {
        return !aws.live();
    }
}
