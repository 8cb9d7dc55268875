/**
 * Drift of STACK environments as CloudFormation detects it: the port the {@code aws} module implements
 * (DetectStackDrift, DescribeStackDriftDetectionStatus, DescribeStackResourceDrifts) and what it answers, which the
 * environment's pages and API show.
 */
@NamedInterface("drift")
@NullMarked
package io.vendo.environment.drift;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
