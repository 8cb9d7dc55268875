package io.vendo.request.web;

import io.vendo.identity.Actor;
import io.vendo.request.RequestView;
import io.vendo.request.Requests;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The fleet a request belongs to, on its page: on row 0's page, where approvers decide, that the decision covers every
 * row, with the rows; on the others, where their approval is.
 */
@Component
class BatchSection implements RequestPageSection {

    private final Requests requests;

    BatchSection(Requests requests) {
        this.requests = requests;
    }

    /** Before the approval's part (30): approvers read what they decide on first. */
    @Override
    public int order() {
        return 25;
    }

    @Override
    public Optional<Part> read(RequestView request, Actor viewer) {
        return requests.batchOf(request.id()).map(row -> {
            var batch = requests.batch(row.batchId(), viewer);
            return new Part(
                    "request/batch-parts :: section",
                    Map.of("batch", batch, "index", row.index(), "lead", row.leads()),
                    batch.status() + "/" + batch.rowsByState());
        });
    }
}
