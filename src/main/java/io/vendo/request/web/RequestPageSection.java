package io.vendo.request.web;

import io.vendo.identity.Actor;
import io.vendo.request.RequestView;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A part of a request's page that another module knows about: the approval (who must decide, the decisions, the
 * buttons), the execution (phase, AWS ids, resource changes), the queue. The page reads every part in one
 * read-only transaction on one database snapshot and renders them in one fragment, so no part can show a state that
 * another part has already left; the page's ETag is made of the parts' versions.
 */
public interface RequestPageSection {

    /** Where on the page: parts are shown in ascending order, after the request's state and outputs. */
    int order();

    /**
     * What this part shows of the request to the viewer, read within the page's transaction.
     *
     * @return nothing when this part has nothing to show now
     */
    Optional<Part> read(RequestView request, Actor viewer);

    /**
     * @param fragment the Thymeleaf fragment that renders the part, e.g. {@code approval/panel :: panel}; it reads
     *     {@code part.model()} as {@code section}
     * @param model what the fragment shows
     * @param version changes whenever what the fragment shows changes (built from stable values only: the same state
     *     gives the same version on every replica)
     * @param follows other requests whose changes this part shows and that may still change (a promotion's steps while
     *     it goes on): the page keeps listening to them, also once its own request has ended
     */
    record Part(String fragment, Map<String, Object> model, String version, Set<UUID> follows) {

        public Part {
            follows = Set.copyOf(follows);
        }

        /** A part that shows nothing of other requests. */
        public Part(String fragment, Map<String, Object> model, String version) {
            this(fragment, model, version, Set.of());
        }
    }
}
