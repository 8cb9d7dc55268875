package io.vendo.catalog;

import org.springframework.modulith.NamedInterface;

/**
 * CloudFormation's own view of a template (ValidateTemplate and GetTemplateSummary), asked when AWS is configured so
 * that a new version is checked by AWS too and its parameter model compared with Vendo's. Implemented by the
 * {@code aws} module.
 */
@NamedInterface("ports")
public interface TemplateCheck {

    /** Whether AWS can be asked; not in dry-run mode. */
    boolean available();

    /** Asks CloudFormation about the template, in the given region, with the portal's own credentials. */
    AwsTemplateReport check(String templateBody, String region);
}
