package io.vendo.catalog;

import org.springframework.modulith.NamedInterface;

/** What a blueprint vends. */
@NamedInterface("blueprints")
public enum BlueprintKind {
    /** A CloudFormation stack in the target account and region. */
    STACK,
    /** A new AWS account. */
    ACCOUNT,
    /** A Service Catalog product. */
    SERVICE_CATALOG_PRODUCT,
    /** Instances of a StackSet. */
    STACK_SET,
    /**
     * Several stacks deployed as a graph: components (templates of their own or other STACK blueprints) with
     * {@code dependsOn} and parameters wired from earlier components' outputs.
     */
    COMPOSITE
}
