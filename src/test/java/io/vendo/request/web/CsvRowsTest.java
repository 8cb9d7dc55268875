package io.vendo.request.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    @Test
    void readsQuotedFieldsEmptyCellsAndLinesAsTheFileNumbersThem() {
        var result = CsvRows.read("\uFEFFtarget, SiteName ,Tags\r\n"
                + "sandbox,one,\"a,b\"\r\n"
                + "\r\n"
                + "sandbox,\"say \"\"two\"\"\",\n"
                + "prod,\"three\nlines\",x");

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows())
                .containsExactly(
                        new CsvRows.Row(2, "sandbox", Map.of("SiteName", "one", "Tags", "a,b")),
                        new CsvRows.Row(4, "sandbox", Map.of("SiteName", "say \"two\"")),
                        new CsvRows.Row(5, "prod", Map.of("SiteName", "three\nlines", "Tags", "x")));
    }

    @Test
    void namesWhatIsWrongWithTheFileByLine() {
        assertThat(CsvRows.read("SiteName\none").problems())
                .containsExactly("The first line must name a column target (and the parameters): it names SiteName");
        assertThat(CsvRows.read("target,SiteName,SiteName\nx,a,b").problems())
                .containsExactly("Column SiteName is named twice in the first line");
        var ragged = CsvRows.read("target,SiteName\nsandbox,one\nsandbox,two,extra\nsandbox");
        assertThat(ragged.problems())
                .containsExactly(
                        "Line 3 has 3 values; the first line names 2 columns",
                        "Line 4 has 1 values; the first line names 2 columns");
        assertThat(ragged.rows()).isEmpty();
        assertThat(CsvRows.read("").problems()).hasSize(1);
        assertThat(CsvRows.read("target,SiteName\n").problems())
                .containsExactly("The file has no rows after its first line");
    }
}
