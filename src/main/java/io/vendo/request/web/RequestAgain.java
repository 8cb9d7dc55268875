package io.vendo.request.web;

import io.vendo.request.PromotionChecks;
import io.vendo.request.PromotionPlans;
import io.vendo.request.RequestView;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * Fills a new form: with the template's defaults (never a NoEcho default: it stays the template's, unseen), or as a
 * copy of an earlier request ("request again") — its values but its secrets, its target, its justification, and the
 * targets its promotion went on to after it. The copied targets are checked again at once, as they are for the form's
 * newest version today, and each refused one is said beside its choice.
 */
@Component
class RequestAgain {

    private final PromotionChecks promotions;
    private final ObjectProvider<PromotionPlans> plans;

    RequestAgain(PromotionChecks promotions, ObjectProvider<PromotionPlans> plans) {
        this.promotions = promotions;
        this.plans = plans;
    }

    void fill(RequestForm form, @Nullable RequestView earlier, BindingResult binding) {
        for (var parameter : form.blueprint().parameters()) {
            var copied = earlier == null || parameter.noEcho()
                    ? null
                    : earlier.parameters().get(parameter.name());
            var value = copied != null
                    ? copied
                    : parameter.defaultValue() == null || parameter.noEcho() ? "" : parameter.defaultValue();
            form.getParameters().putIfAbsent(parameter.name(), ParameterField.display(parameter, value));
        }
        if (earlier == null) {
            return;
        }
        if (form.getTarget().isEmpty()) {
            form.setTarget(earlier.targetSlug());
        }
        form.setJustification(earlier.justification());
        var promotion = plans.getIfAvailable();
        if (form.getPromotion().isEmpty() && promotion != null) {
            form.setPromotion(promotion.targetsAfter(earlier.id()));
            promotions
                    .refusals(form.blueprint(), form.chosenTarget().orElse(null), form.promotion())
                    .forEach((field, message) -> binding.rejectValue(field, "refused", message));
        }
    }
}
