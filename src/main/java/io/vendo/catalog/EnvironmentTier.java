package io.vendo.catalog;

/** How production-like a target is; approval policies and protections depend on it. */
public enum EnvironmentTier {
    SANDBOX,
    DEV,
    STAGING,
    PROD
}
