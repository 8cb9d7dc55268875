package io.vendo.request.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One fieldset of the request form: an Interface parameter group, or the parameters outside any group. */
record ParameterSection(String legend, List<ParameterField> fields) {

    /**
     * Groups consecutive fields by their Interface group, in the order the catalog gives them (groups first, as the
     * CloudFormation console shows them), so the form follows the template author's layout.
     */
    static List<ParameterSection> of(List<ParameterField> fields) {
        var anyGroup = fields.stream().anyMatch(field -> field.definition().group() != null);
        var sections = new ArrayList<ParameterSection>();
        String current = null;
        List<ParameterField> members = null;
        for (var field : fields) {
            var group = field.definition().group();
            if (members == null || !Objects.equals(group, current)) {
                members = new ArrayList<>();
                current = group;
                sections.add(new ParameterSection(
                        group != null ? group : anyGroup ? "Other parameters" : "Parameters", members));
            }
            members.add(field);
        }
        return sections.stream()
                .map(section -> new ParameterSection(section.legend(), List.copyOf(section.fields())))
                .toList();
    }
}
