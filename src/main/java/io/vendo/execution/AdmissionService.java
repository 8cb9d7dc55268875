package io.vendo.execution;

import io.vendo.catalog.BlueprintKind;

/** The AWS service whose quota an operation counts against. */
enum AdmissionService {
    CLOUDFORMATION,
    CONTROL_TOWER,
    SERVICE_CATALOG,
    STACK_SET;

    static AdmissionService of(BlueprintKind kind) {
        return switch (kind) {
            case STACK, COMPOSITE -> CLOUDFORMATION;
            case ACCOUNT -> CONTROL_TOWER;
            case SERVICE_CATALOG_PRODUCT -> SERVICE_CATALOG;
            case STACK_SET -> STACK_SET;
        };
    }
}
