package io.vendo.request;

import io.vendo.identity.Actor;
import io.vendo.identity.Role;
import org.springframework.data.jpa.domain.Specification;

/** Criteria for listing requests: who may see which, and the filters of a {@link RequestSearch}. */
final class RequestSpecifications {

    private RequestSpecifications() {}

    /** The same rule as a single read: requesters see their own requests, approvers and admins all of them. */
    static Specification<VendingRequest> visibleTo(Actor viewer) {
        if (viewer.has(Role.APPROVER) || viewer.has(Role.ADMIN)) {
            return Specification.unrestricted();
        }
        return (root, query, cb) -> cb.equal(root.get("requester"), viewer.username());
    }

    static Specification<VendingRequest> matching(RequestSearch search) {
        Specification<VendingRequest> matching = Specification.unrestricted();
        if (!search.states().isEmpty()) {
            matching = matching.and((root, query, cb) -> root.get("state").in(search.states()));
        }
        if (search.blueprint() != null) {
            matching = matching.and((root, query, cb) -> cb.equal(root.get("blueprintSlug"), search.blueprint()));
        }
        if (search.target() != null) {
            matching = matching.and((root, query, cb) -> cb.equal(root.get("targetSlug"), search.target()));
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
