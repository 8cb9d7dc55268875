/**
 * STACK requests: one stack per request through a CloudFormation change set. The executor is package-private; the
 * port ({@link io.vendo.execution.stack.StackProvisioner}), its spec and AWS's answers are the named interface
 * {@code execution::stack}, which the {@code aws} module implements on CloudFormation.
 */
@NamedInterface("stack")
@NullMarked
package io.vendo.execution.stack;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
