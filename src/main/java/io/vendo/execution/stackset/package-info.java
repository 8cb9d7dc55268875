/**
 * STACK_SET requests: the target account's stack instances, added to a StackSet in one operation. The executor is
 * package-private; the port ({@link io.vendo.execution.stackset.StackSetProvisioner}) and its spec are the named
 * interface {@code execution::stackset}, which the {@code aws} module implements on CloudFormation StackSets.
 */
@NamedInterface("stackset")
@NullMarked
package io.vendo.execution.stackset;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
