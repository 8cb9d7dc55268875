package io.vendo.request;

import org.springframework.modulith.NamedInterface;

/**
 * How many environments of a blueprint a team holds (everything not decommissioned), for quotas: implemented by the
 * environment module. Quotas count these plus the PROVISION requests still on their way to becoming one.
 */
@NamedInterface("ports")
public interface StandingEnvironments {

    long count(String blueprintSlug, String team);
}
