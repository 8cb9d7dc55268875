/**
 * AWS through the SDK v2: implements the execution module's ports (CloudFormation so far), assumes each target's
 * role through STS, and decides at start-up whether Vendo runs live or in dry-run mode.
 */
@ApplicationModule(displayName = "AWS")
package io.vendo.aws;

import org.springframework.modulith.ApplicationModule;
