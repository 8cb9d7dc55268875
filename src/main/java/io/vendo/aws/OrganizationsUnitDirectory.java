package io.vendo.aws;

import io.vendo.catalog.TargetDetails;
import io.vendo.execution.AwsTarget;
import io.vendo.request.OrganizationalUnits;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnitNotFoundException;
import software.amazon.awssdk.services.organizations.model.Root;

/**
 * {@link OrganizationalUnits} on AWS Organizations, as the target's role: an OU exists when DescribeOrganizationalUnit
 * finds it (OrganizationalUnitNotFoundException: it does not), a root when ListRoots lists it. Asked afresh at every
 * submission that chose OUs: a few calls, and an OU just created or removed counts at once.
 */
@Component
class OrganizationsUnitDirectory implements OrganizationalUnits {

    private static final Logger log = LoggerFactory.getLogger(OrganizationsUnitDirectory.class);

    private final AwsConnection aws;

    OrganizationsUnitDirectory(AwsConnection aws) {
        this.aws = aws;
    }

    @Override
    public List<String> unknown(TargetDetails target, List<String> units) {
        if (!aws.live() || units.isEmpty()) {
            return List.of();
        }
        try {
            var organizations = aws.organizations(AwsTarget.of(target));
            var roots = units.stream().anyMatch(unit -> unit.startsWith("r-"))
                    ? organizations.listRootsPaginator(list -> {}).stream()
                            .flatMap(page -> page.roots().stream())
                            .map(Root::id)
                            .toList()
                    : List.<String>of();
            var unknown = new ArrayList<String>();
            for (var unit : units) {
                if (unit.startsWith("r-") ? !roots.contains(unit) : !exists(organizations, unit)) {
                    unknown.add(unit);
                }
            }
            return List.copyOf(unknown);
        } catch (SdkException e) {
            // The target already bounds the OUs; CloudFormation refuses an OU that does not exist in its own words.
            log.warn(
                    "Could not ask the organization as {} whether organizational units {} exist: {}",
                    target.slug(),
                    units,
                    e.getMessage());
            return List.of();
        }
    }

    private static boolean exists(OrganizationsClient organizations, String unit) {
        try {
            organizations.describeOrganizationalUnit(describe -> describe.organizationalUnitId(unit));
            return true;
        } catch (OrganizationalUnitNotFoundException e) {
            return false;
        }
    }
}
