package io.vendo.request;

import io.vendo.refusal.Refusal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * A batch with invalid rows: nothing of it was stored. Names every problem of every row, so that all can be fixed at
 * once: in {@code errors} keyed like the body ({@code rows[3].parameters.SiteName}, {@code rows[7].target}) and in
 * {@code rows} as (index, field, message), in row order.
 */
@NamedInterface("views")
public class BatchRefusedException extends Refusal {

    private final List<RowError> rowErrors;

    BatchRefusedException(int rows, List<RowError> rowErrors) {
        super(
                Kind.INVALID,
                "Invalid rows",
                "%d of %d rows are invalid; nothing was stored"
                        .formatted(
                                rowErrors.stream()
                                        .map(RowError::index)
                                        .distinct()
                                        .count(),
                                rows),
                Map.of("errors", keyed(rowErrors), "rows", rowErrors));
        this.rowErrors = List.copyOf(rowErrors);
    }

    public List<RowError> rowErrors() {
        return rowErrors;
    }

    private static Map<String, String> keyed(List<RowError> errors) {
        var keyed = new LinkedHashMap<String, String>();
        errors.forEach(error -> keyed.merge(error.key(), error.message(), (a, b) -> a + "; " + b));
        return keyed;
    }

    /**
     * @param field {@code target}, {@code parameters.<Name>}, or {@code row} for the row as a whole
     */
    public record RowError(int index, String field, String message) {

        /** Where the problem is, as the body names it. */
        public String key() {
            return "rows[%d].%s".formatted(index, field);
        }
    }
}
