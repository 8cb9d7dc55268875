package io.vendo.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vendo.refusal.Refusal;
import io.vendo.refusal.Refusal.Kind;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of refusal has a status of its own, and the problem carries the refusal's words and facts unchanged. */
class RefusalAnswersTest {

    private static final class Refused extends Refusal {
        Refused(Kind kind, Map<String, ?> facts) {
            super(kind, "Refused for a test", "It was refused because a test asked for it", facts);
        }
    }

    @Test
    void eachKindIsAnsweredWithItsStatus() {
        var statuses = Arrays.stream(Kind.values())
                .map(kind -> RefusalAnswers.status(new Refused(kind, Map.of())).value())
                .toList();

        assertThat(statuses).containsExactly(400, 403, 404, 409, 410, 503);
    }

    @Test
    void theProblemCarriesTitleDetailAndFacts() {
        var problem = RefusalAnswers.problem(
                new Refused(Kind.INVALID, Map.of("errors", Map.of("SiteName", "must not be blank"), "quota", 2)));

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getTitle()).isEqualTo("Refused for a test");
        assertThat(problem.getDetail()).isEqualTo("It was refused because a test asked for it");
        assertThat(problem.getProperties())
                .containsExactly(Map.entry("errors", Map.of("SiteName", "must not be blank")), Map.entry("quota", 2));
    }
}
