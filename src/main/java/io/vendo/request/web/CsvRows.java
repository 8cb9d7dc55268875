package io.vendo.request.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a fleet's CSV file (RFC 4180: commas, double-quoted fields with doubled quotes inside, CRLF or LF): a
 * header naming {@code target} and parameter names, then one deployment per line. An empty cell leaves the parameter
 * to its default. What cannot be read is said by line, so that the person can fix the file.
 */
final class CsvRows {

    static final String TARGET = "target";

    private CsvRows() {}

    /** One deployment: its line in the file (from 1, the header being line 1), its target and its values. */
    record Row(int line, String target, Map<String, String> parameters) {}

    /** The rows, or what is wrong with the file. */
    record Result(List<Row> rows, List<String> problems) {}

    static Result read(String text) {
        var lines = records(text.startsWith("\uFEFF") ? text.substring(1) : text);
        var problems = new ArrayList<String>();
        if (lines.isEmpty()) {
            return new Result(List.of(), List.of("The file is empty: its first line names target and the parameters"));
        }
        var header = lines.getFirst().values().stream().map(String::strip).toList();
        var targetColumn = header.indexOf(TARGET);
        if (targetColumn < 0) {
            problems.add("The first line must name a column target (and the parameters): it names "
                    + String.join(", ", header));
        }
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).isBlank()) {
                problems.add("Column %d of the first line has no name".formatted(i + 1));
            } else if (header.indexOf(header.get(i)) != i) {
                problems.add("Column %s is named twice in the first line".formatted(header.get(i)));
            }
        }
        if (!problems.isEmpty()) {
            return new Result(List.of(), problems);
        }
        var rows = new ArrayList<Row>();
        for (var record : lines.subList(1, lines.size())) {
            var values = record.values();
            if (values.size() == 1 && values.getFirst().isBlank()) {
                continue;
            }
            if (values.size() != header.size()) {
                problems.add("Line %d has %d values; the first line names %d columns"
                        .formatted(record.line(), values.size(), header.size()));
                continue;
            }
            var parameters = new LinkedHashMap<String, String>();
            for (int i = 0; i < header.size(); i++) {
                if (i != targetColumn && !values.get(i).isEmpty()) {
                    parameters.put(header.get(i), values.get(i));
                }
            }
            rows.add(new Row(record.line(), values.get(targetColumn).strip(), parameters));
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add("The file has no rows after its first line");
        }
        return new Result(problems.isEmpty() ? rows : List.of(), problems);
    }

    private record Record(int line, List<String> values) {}

    /** Splits the text into records of fields; a quoted field may hold commas and line breaks. */
    private static List<Record> records(String text) {
        var records = new ArrayList<Record>();
        var values = new ArrayList<String>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                values.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                values.add(field.toString());
                field.setLength(0);
                records.add(new Record(recordLine, List.copyOf(values)));
                values.clear();
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !values.isEmpty()) {
            values.add(field.toString());
            records.add(new Record(recordLine, List.copyOf(values)));
        }
        return records;
    }
}
