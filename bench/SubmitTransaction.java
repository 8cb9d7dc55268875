import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps {@code bench/submit-transaction.sql} honest: reads the statements of one real submission from a PostgreSQL log
 * written with {@code log_statement = 'all'} (the transaction that inserts into {@code vending_request}, found by its
 * backend and virtual transaction id; see bench/PostgresServer.java for the log's line prefix) and compares them, in
 * order, with the statements of the pgbench script.
 *
 * <p>Statements are compared by their shape, not their text, because the script must compute in SQL what the portal
 * computes in Java (ids, psql variables instead of bind parameters, extra columns for {@code \gset}): the verb, the
 * table, the columns a SELECT filters on, the columns an INSERT writes, and for an event publication the event and
 * listener it is for. Two statements with the same shape cost PostgreSQL the same work.
 *
 * <p>Usage: {@code java bench/SubmitTransaction.java <postgresql.log> <byte offset to start at> <script.sql>
 * [captured.sql]}: prints both sequences with a diff, writes the captured statements (with their parameters) to
 * {@code captured.sql} when given, and exits with 1 when they differ.
 */
public class SubmitTransaction {

    private static final Pattern ENTRY =
            Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d+ \\S+ \\[(\\d+)\\] (\\S*) ([A-Z]+):  (.*)$");
    private static final Pattern STATEMENT = Pattern.compile("^(?:statement|execute [^:]+): (.*)$", Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+) = (NULL|'(?:[^']|'')*')");

    record Entry(String pid, String vxid, String level, StringBuilder text) {}

    record Statement(String sql, Map<String, String> parameters) {}

    public static void main(String[] args) throws IOException {
        var log = Path.of(args[0]);
        var offset = Long.parseLong(args[1]);
        var script = Path.of(args[2]);

        var captured = capture(log, offset);
        if (args.length > 3) {
            var out = new StringBuilder();
            for (var statement : captured) {
                out.append(statement.sql().strip()).append(";\n");
                if (!statement.parameters().isEmpty()) {
                    out.append("-- parameters: ").append(statement.parameters()).append('\n');
                }
            }
            Files.writeString(Path.of(args[3]), out);
        }
        var actual = captured.stream().map(SubmitTransaction::shape).toList();
        var expected = scriptStatements(Files.readString(script)).stream()
                .map(sql -> shape(new Statement(sql, Map.of())))
                .toList();
        var diff = diff(expected, actual);
        System.out.println("The submission's transaction, as PostgreSQL logged it (+) against " + script + " (-):");
        diff.forEach(line -> System.out.println("  " + line));
        if (expected.equals(actual)) {
            System.out.printf("MATCH: %d statements, the same in the same order%n", actual.size());
        } else {
            System.out.printf(
                    "DIFFERENT: %s has %d statements, the submission sent %d; update the script (captured"
                            + " statements: %s)%n",
                    script, expected.size(), actual.size(), args.length > 3 ? args[3] : "pass a file to write them");
            System.exit(1);
        }
    }

    /** The statements of the transaction that inserted the request, in the order the portal sent them. */
    static List<Statement> capture(Path log, long offset) throws IOException {
        var bytes = Files.readAllBytes(log);
        var text = new String(bytes, (int) Math.min(offset, bytes.length), (int) Math.max(0, bytes.length - offset),
                StandardCharsets.UTF_8);
        var entries = new ArrayList<Entry>();
        for (var line : text.split("\n", -1)) {
            Matcher matcher = ENTRY.matcher(line);
            if (matcher.matches()) {
                entries.add(new Entry(
                        matcher.group(1), matcher.group(2), matcher.group(3), new StringBuilder(matcher.group(4))));
            } else if (!entries.isEmpty()) {
                entries.getLast().text().append('\n').append(line);
            }
        }
        Entry insert = null;
        for (var entry : entries) {
            if (entry.level().equals("LOG")
                    && entry.text().toString().toLowerCase(Locale.ROOT).contains("insert into vending_request")) {
                insert = entry;
                break;
            }
        }
        if (insert == null) {
            throw new IllegalStateException("No insert into vending_request in " + log + " after byte " + offset
                    + ": was log_statement = 'all' in effect during the submission?");
        }
        var statements = new ArrayList<Statement>();
        for (var entry : entries) {
            if (!entry.pid().equals(insert.pid()) || !entry.vxid().equals(insert.vxid())) {
                continue;
            }
            if (entry.level().equals("LOG")) {
                var statement = STATEMENT.matcher(entry.text());
                if (statement.matches()) {
                    statements.add(new Statement(statement.group(1), new HashMap<>()));
                }
            } else if (entry.level().equals("DETAIL") && !statements.isEmpty()) {
                var parameter = PARAMETER.matcher(entry.text());
                while (parameter.find()) {
                    statements.getLast().parameters().put("$" + parameter.group(1), parameter.group(2));
                }
            }
        }
        return statements;
    }

    /** The script's statements: {@code ;} or a psql {@code \gset} ends one; comments and meta-commands are dropped. */
    static List<String> scriptStatements(String script) {
        var statements = new ArrayList<String>();
        var current = new StringBuilder();
        for (var line : script.split("\n")) {
            var code = stripComment(line);
            if (code.isBlank()) {
                continue;
            }
            var gset = code.indexOf("\\gset");
            if (gset >= 0) {
                current.append(code, 0, gset);
                statements.add(current.toString().strip());
                current.setLength(0);
                continue;
            }
            current.append(code).append('\n');
            if (code.strip().endsWith(";")) {
                var sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static String stripComment(String line) {
        var quoted = false;
        for (int i = 0; i < line.length() - 1; i++) {
            var c = line.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '-' && line.charAt(i + 1) == '-') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /**
     * What a statement makes PostgreSQL do: verb and table, the columns a query filters on, the columns an insert
     * writes, and the event and listener of an event publication.
     */
    static String shape(Statement statement) {
        var sql = statement.sql().replaceAll("\\s+", " ").strip();
        var lower = sql.toLowerCase(Locale.ROOT);
        var verb = lower.split("[ ;]", 2)[0];
        return switch (verb) {
            case "begin", "commit", "rollback" -> verb;
            case "select" -> {
                var from = word(lower, " from ");
                var where = lower.contains(" where ") ? lower.substring(lower.indexOf(" where ") + 7) : "";
                var filters = new TreeSet<String>();
                var column = Pattern.compile("(?:\\w+\\.)?(\\w+) ?(?:=|<|>| in | is )").matcher(where);
                while (column.find()) {
                    filters.add(column.group(1));
                }
                yield "select " + from + (filters.isEmpty() ? "" : " where " + String.join(",", filters));
            }
            case "insert" -> {
                var table = word(lower, "insert into ");
                var open = lower.indexOf('(');
                var columns = splitTopLevel(lower.substring(open + 1, closing(lower, open))).stream()
                        .map(String::strip)
                        .toList();
                var shape = "insert " + table + " (" + String.join(",", columns) + ")";
                if (table.equals("event_publication")) {
                    var valuesAt = lower.indexOf(" values", closing(lower, open));
                    var valuesOpen = sql.indexOf('(', valuesAt);
                    var values = splitTopLevel(sql.substring(valuesOpen + 1, closing(sql, valuesOpen)));
                    shape += " " + value(values.get(columns.indexOf("event_type")), statement) + " -> "
                            + value(values.get(columns.indexOf("listener_id")), statement);
                }
                yield shape;
            }
            case "update", "delete" -> verb + " " + word(lower, verb.equals("update") ? "update " : " from ");
            default -> lower;
        };
    }

    private static String value(String expression, Statement statement) {
        var trimmed = expression.strip();
        var bound = statement.parameters().getOrDefault(trimmed, trimmed);
        return bound.startsWith("'") ? bound.substring(1, bound.length() - 1).replace("''", "'") : bound;
    }

    private static String word(String sql, String after) {
        var at = sql.indexOf(after);
        if (at < 0) {
            return "?";
        }
        return sql.substring(at + after.length()).split("[ (;]", 2)[0];
    }

    private static int closing(String text, int open) {
        var depth = 0;
        var quoted = false;
        for (int i = open; i < text.length(); i++) {
            var c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("Unbalanced parentheses in: " + text);
    }

    private static List<String> splitTopLevel(String list) {
        var parts = new ArrayList<String>();
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (int i = 0; i < list.length(); i++) {
            var c = list.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(list.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(list.substring(start));
        return parts;
    }

    /** A line diff (longest common subsequence): "  " both, "- " only expected, "+ " only actual. */
    static List<String> diff(List<String> expected, List<String> actual) {
        var lengths = new int[expected.size() + 1][actual.size() + 1];
        for (int i = expected.size() - 1; i >= 0; i--) {
            for (int j = actual.size() - 1; j >= 0; j--) {
                lengths[i][j] = expected.get(i).equals(actual.get(j))
                        ? lengths[i + 1][j + 1] + 1
                        : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
            }
        }
        var lines = new ArrayList<String>();
        int i = 0, j = 0;
        while (i < expected.size() || j < actual.size()) {
            if (i < expected.size() && j < actual.size() && expected.get(i).equals(actual.get(j))) {
                lines.add("  " + expected.get(i++));
                j++;
            } else if (j < actual.size() && (i == expected.size() || lengths[i][j + 1] >= lengths[i + 1][j])) {
                lines.add("+ " + actual.get(j++));
            } else {
                lines.add("- " + expected.get(i++));
            }
        }
        return lines;
    }
}
