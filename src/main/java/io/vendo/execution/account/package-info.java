/**
 * ACCOUNT requests through AWS Organizations: CreateAccount, then the move into the requested organizational unit.
 * The executor is package-private; the port ({@link io.vendo.execution.account.AccountProvisioner}) and its spec are
 * the named interface {@code execution::account}, which the {@code aws} module implements on Organizations.
 */
@NamedInterface("account")
@NullMarked
package io.vendo.execution.account;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
