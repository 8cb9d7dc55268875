package io.vendo.catalog;

import java.util.List;

/**
 * Parses a CloudFormation template (YAML with short-form tags, or JSON, which is YAML too) into the parameter model
 * Vendo builds forms from, refusing what CloudFormation would refuse, with the line of the problem.
 *
 * <p>Each job has its own class, applied in the order CloudFormation reports problems: the size of the source
 * ({@link TemplateLimits}), reading it ({@link TemplateDocument}), the sections around the parameters and the counts
 * ({@link TemplateSections}), each parameter ({@link ParameterDeclarations}), and the form's order and labels
 * ({@link InterfaceLayout}).
 */
final class TemplateParser {

    ParsedTemplate parse(String body) {
        return parse(body, TemplateSource.BODY);
    }

    /**
     * A form-only template, as a Service Catalog product's or an account's blueprint declares its form: Resources may
     * be left out, since CloudFormation never deploys it; everything else is checked as for a template.
     */
    ParsedTemplate parseForm(String body) {
        return parse(body, TemplateSource.BODY, false);
    }

    ParsedTemplate parse(String body, TemplateSource source) {
        return parse(body, source, true);
    }

    private static ParsedTemplate parse(String body, TemplateSource source, boolean resourcesRequired) {
        TemplateLimits.checkSize(body, source);
        var document = TemplateDocument.load(body, source);
        var sections = TemplateSections.check(document, resourcesRequired);
        var parameters = ParameterDeclarations.read(document, sections.parameters());
        return new ParsedTemplate(
                InterfaceLayout.apply(document, parameters),
                sections.outputs(),
                sections.resources(),
                sections.transforms());
    }

    /**
     * @param parameters in form order: Interface groups first (see {@link InterfaceLayout})
     * @param transforms the template's {@code Transform}s, e.g. {@code AWS::Serverless-2016-10-31}
     */
    record ParsedTemplate(
            List<ParameterDefinition> parameters,
            List<String> outputs,
            List<TemplateResource> resources,
            List<String> transforms) {

        /** A transformed template (SAM, macros) needs {@code CAPABILITY_AUTO_EXPAND} to be deployed. */
        boolean transformed() {
            return !transforms.isEmpty();
        }
    }
}
