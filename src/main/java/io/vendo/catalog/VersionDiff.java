package io.vendo.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.modulith.NamedInterface;

/**
 * What changed between two versions of a blueprint: the template text, line by line with a little context, and the
 * parameter model, parameter by parameter and attribute by attribute.
 */
@NamedInterface(name = "administration", propagate = false)
public record VersionDiff(int from, int to, List<Line> lines, List<ParameterChange> parameters) {

    private static final int CONTEXT = 3;

    /** Beyond this many lines on both sides, the text diff would cost too much memory; the model diff still shows. */
    private static final int MAX_LINES = 4000;

    public VersionDiff {
        lines = List.copyOf(lines);
        parameters = List.copyOf(parameters);
    }

    public boolean templateUnchanged() {
        return lines.stream().noneMatch(line -> line.kind() != LineKind.SAME && line.kind() != LineKind.GAP);
    }

    static VersionDiff between(BlueprintVersionDetails older, BlueprintVersionDetails newer) {
        return new VersionDiff(
                older.number(),
                newer.number(),
                lines(older.templateBody(), newer.templateBody()),
                parameters(older.parameters(), newer.parameters()));
    }

    static List<Line> lines(String before, String after) {
        var a = before.split("\n", -1);
        var b = after.split("\n", -1);
        if ((long) a.length * b.length > (long) MAX_LINES * MAX_LINES) {
            return List.of(new Line(LineKind.GAP, "(templates too long to compare line by line)"));
        }
        // Longest common subsequence, then walk it to emit removed, added and unchanged lines.
        var lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        var all = new ArrayList<Line>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                all.add(new Line(LineKind.SAME, a[i]));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                all.add(new Line(LineKind.REMOVED, a[i++]));
            } else {
                all.add(new Line(LineKind.ADDED, b[j++]));
            }
        }
        while (i < a.length) {
            all.add(new Line(LineKind.REMOVED, a[i++]));
        }
        while (j < b.length) {
            all.add(new Line(LineKind.ADDED, b[j++]));
        }
        return withContext(all);
    }

    private static List<Line> withContext(List<Line> all) {
        var keep = new boolean[all.size()];
        for (int k = 0; k < all.size(); k++) {
            if (all.get(k).kind() != LineKind.SAME) {
                for (int c = Math.max(0, k - CONTEXT); c <= Math.min(all.size() - 1, k + CONTEXT); c++) {
                    keep[c] = true;
                }
            }
        }
        var shown = new ArrayList<Line>();
        var skipped = false;
        for (int k = 0; k < all.size(); k++) {
            if (keep[k]) {
                shown.add(all.get(k));
                skipped = false;
            } else if (!skipped) {
                shown.add(new Line(LineKind.GAP, "…"));
                skipped = true;
            }
        }
        return shown;
    }

    static List<ParameterChange> parameters(List<ParameterDefinition> before, List<ParameterDefinition> after) {
        var old = byName(before);
        var changes = new ArrayList<ParameterChange>();
        var now = byName(after);
        for (var parameter : after) {
            var previous = old.get(parameter.name());
            if (previous == null) {
                changes.add(new ParameterChange(parameter.name(), "added", List.of(parameter.type())));
            } else {
                var differences = differences(previous, parameter);
                if (!differences.isEmpty()) {
                    changes.add(new ParameterChange(parameter.name(), "changed", differences));
                }
            }
        }
        for (var parameter : before) {
            if (!now.containsKey(parameter.name())) {
                changes.add(new ParameterChange(parameter.name(), "removed", List.of(parameter.type())));
            }
        }
        return changes;
    }

    private static List<String> differences(ParameterDefinition a, ParameterDefinition b) {
        var differences = new ArrayList<String>();
        compare(differences, "Type", a, b, ParameterDefinition::type);
        compare(differences, "Default", a, b, ParameterDefinition::defaultValue);
        compare(differences, "AllowedValues", a, b, ParameterDefinition::allowedValues);
        compare(differences, "AllowedPattern", a, b, ParameterDefinition::allowedPattern);
        compare(differences, "MinLength", a, b, ParameterDefinition::minLength);
        compare(differences, "MaxLength", a, b, ParameterDefinition::maxLength);
        compare(differences, "MinValue", a, b, ParameterDefinition::minValue);
        compare(differences, "MaxValue", a, b, ParameterDefinition::maxValue);
        compare(differences, "NoEcho", a, b, ParameterDefinition::noEcho);
        compare(differences, "Description", a, b, ParameterDefinition::description);
        compare(differences, "ConstraintDescription", a, b, ParameterDefinition::constraintDescription);
        return differences;
    }

    private static void compare(
            List<String> differences,
            String attribute,
            ParameterDefinition a,
            ParameterDefinition b,
            Function<ParameterDefinition, ?> value) {
        var before = value.apply(a);
        var after = value.apply(b);
        if (!Objects.equals(before, after)) {
            differences.add("%s: %s → %s".formatted(attribute, shown(before), shown(after)));
        }
    }

    private static String shown(Object value) {
        return value == null ? "(none)" : String.valueOf(value);
    }

    private static Map<String, ParameterDefinition> byName(List<ParameterDefinition> parameters) {
        var map = new LinkedHashMap<String, ParameterDefinition>();
        parameters.forEach(parameter -> map.put(parameter.name(), parameter));
        return map;
    }

    public enum LineKind {
        SAME,
        ADDED,
        REMOVED,
        GAP
    }

    public record Line(LineKind kind, String text) {

        public String marker() {
            return switch (kind) {
                case SAME -> " ";
                case ADDED -> "+";
                case REMOVED -> "-";
                case GAP -> " ";
            };
        }
    }

    /** @param change added, removed or changed */
    public record ParameterChange(String name, String change, List<String> details) {}
}
