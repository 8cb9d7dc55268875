package io.vendo.request;

import io.vendo.catalog.TargetDetails;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * The AWS organization's accounts, asked at submission of an ACCOUNT request so that an e-mail that already belongs to
 * an account is refused before anything is stored. Implemented by the {@code aws} module.
 */
@NamedInterface("ports")
public interface OrganizationAccounts {

    /**
     * The id of the organization's account with this e-mail (case-insensitive), listed as the target's role; empty when
     * there is none, in a dry run, or when AWS cannot be asked (the executor still never takes over an account it did
     * not create).
     */
    Optional<String> accountWithEmail(TargetDetails target, String email);
}
