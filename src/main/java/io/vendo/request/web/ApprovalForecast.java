package io.vendo.request.web;

import io.vendo.catalog.EnvironmentTier;

/**
 * Who will have to approve a request, said before it is submitted (the review step); the approval module knows the
 * policies and answers.
 */
public interface ApprovalForecast {

    /** e.g. "1 from team-leads and 1 from platform-team (policy production)", or that it is approved automatically. */
    String whoMustApprove(String blueprintSlug, EnvironmentTier tier, String team);
}
