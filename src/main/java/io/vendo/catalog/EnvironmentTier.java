package io.vendo.catalog;

import org.springframework.modulith.NamedInterface;

/** How production-like a target is; approval policies and protections depend on it. */
@NamedInterface("targets")
public enum EnvironmentTier {
    SANDBOX,
    DEV,
    STAGING,
    PROD
}
