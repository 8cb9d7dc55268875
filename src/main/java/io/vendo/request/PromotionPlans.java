package io.vendo.request;

import java.util.List;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * What the promotion module knows of promotions, for the request module, which may not depend on it: the steps still
 * to be filed hold their places in the quota (each will leave an environment, as every step before it does), and
 * "request again" copies the targets a promotion goes on to.
 */
@NamedInterface("ports")
public interface PromotionPlans {

    /** The steps of the team's promotions of the blueprint that go on and are still to be filed. */
    long stepsToFile(String blueprintSlug, String team);

    /** The targets of the steps after the request's own, in order; empty when it is no step of a promotion. */
    List<String> targetsAfter(UUID requestId);
}
