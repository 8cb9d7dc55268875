package io.vendo.request;

import io.vendo.identity.Actor;
import io.vendo.identity.Role;
import org.springframework.data.jpa.domain.Specification;

/** Criteria for listing requests: who may see which, and the filters of a {@link RequestSearch}. */
final class RequestSpecifications {

    private RequestSpecifications() {}

    /**
     * What lists show: the viewer's own requests and their teams'; every request for admins. (A single read also lets
     * approvers open the requests they take part in deciding; lists leave those to the approvals inbox.)
     */
    static Specification<VendingRequest> visibleTo(Actor viewer) {
        if (viewer.has(Role.ADMIN)) {
            return Specification.unrestricted();
        }
        if (viewer.teams().isEmpty()) {
            return (root, query, cb) -> cb.equal(root.get("requester"), viewer.username());
        }
        return (root, query, cb) -> cb.or(
                cb.equal(root.get("requester"), viewer.username()),
                root.get("team").in(viewer.teams()));
    }

    static Specification<VendingRequest> matching(RequestSearch search) {
        Specification<VendingRequest> matching = Specification.unrestricted();
        if (!search.states().isEmpty()) {
            matching = matching.and((root, query, cb) -> root.get("state").in(search.states()));
        }
        if (search.blueprint() != null) {
            matching = matching.and(
                    (root, query, cb) -> cb.equal(root.get("choice").get("blueprintSlug"), search.blueprint()));
        }
        if (search.target() != null) {
            matching = matching.and(
                    (root, query, cb) -> cb.equal(root.get("choice").get("targetSlug"), search.target()));
        }
        if (search.requester() != null) {
            matching = matching.and((root, query, cb) -> cb.equal(root.get("requester"), search.requester()));
        }
        if (search.submittedFrom() != null) {
            matching = matching.and(
                    (root, query, cb) -> cb.greaterThanOrEqualTo(root.get("submittedAt"), search.submittedFrom()));
        }
        if (search.submittedBefore() != null) {
            matching =
                    matching.and((root, query, cb) -> cb.lessThan(root.get("submittedAt"), search.submittedBefore()));
        }
        if (search.text() != null) {
            for (var word : search.text().toLowerCase(java.util.Locale.ROOT).split("\\s+")) {
                var pattern =
                        "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                matching = matching.and((root, query, cb) -> cb.or(
                        cb.like(cb.lower(root.get("choice").get("blueprintName")), pattern, '\\'),
                        cb.like(cb.lower(root.get("choice").get("blueprintSlug")), pattern, '\\'),
                        cb.like(cb.lower(root.get("choice").get("targetName")), pattern, '\\'),
                        cb.like(cb.lower(root.get("choice").get("targetSlug")), pattern, '\\'),
                        cb.like(cb.lower(root.get("requester")), pattern, '\\'),
                        cb.like(cb.lower(root.get("justification")), pattern, '\\')));
            }
        }
        var after = search.after();
        if (after != null) {
            matching = matching.and((root, query, cb) -> cb.or(
                    cb.lessThan(root.get("submittedAt"), after.submittedAt()),
                    cb.and(
                            cb.equal(root.get("submittedAt"), after.submittedAt()),
                            cb.lessThan(root.get("id"), after.id()))));
        }
        return matching;
    }
}
