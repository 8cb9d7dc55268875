package io.vendo.catalog;

import org.springframework.modulith.NamedInterface;

/** Who a StackSet's stack instances are deployed as, in CloudFormation's terms. */
@NamedInterface("blueprints")
public enum StackSetPermissionModel {
    /** Into named accounts, through roles the administrator created in them (the target account). */
    SELF_MANAGED,
    /** Into every account of organizational units, through roles Organizations manages. */
    SERVICE_MANAGED
}
