package io.vendo.environment;

import io.vendo.identity.Actor;
import io.vendo.identity.Role;
import org.springframework.data.jpa.domain.Specification;

/** Who may see which environment ({@link Ownership#visibleTo} as a query), and the filters of an {@link EnvironmentSearch}. */
final class EnvironmentSpecifications {

    private EnvironmentSpecifications() {}

    /** The viewer's own and their teams'; every environment for admins. */
    static Specification<Environment> visibleTo(Actor viewer) {
        if (viewer.has(Role.ADMIN)) {
            return Specification.unrestricted();
        }
        if (viewer.teams().isEmpty()) {
            return (root, query, cb) -> cb.equal(root.get("ownership").get("owner"), viewer.username());
        }
        return (root, query, cb) -> cb.or(
                cb.equal(root.get("ownership").get("owner"), viewer.username()),
                root.get("ownership").get("team").in(viewer.teams()));
    }

    static Specification<Environment> matching(EnvironmentSearch search, Actor viewer) {
        Specification<Environment> matching = Specification.unrestricted();
        if (search.mine()) {
            matching = matching.and(
                    (root, query, cb) -> cb.equal(root.get("ownership").get("owner"), viewer.username()));
        }
        if (!search.statuses().isEmpty()) {
            matching = matching.and(
                    (root, query, cb) -> root.get("condition").get("status").in(search.statuses()));
        }
        if (search.blueprint() != null) {
            matching = matching.and(
                    (root, query, cb) -> cb.equal(root.get("origin").get("blueprintSlug"), search.blueprint()));
        }
        if (search.target() != null) {
            matching = matching.and(
                    (root, query, cb) -> cb.equal(root.get("origin").get("targetSlug"), search.target()));
        }
        if (search.tier() != null) {
            matching = matching.and(
                    (root, query, cb) -> cb.equal(root.get("origin").get("tier"), search.tier()));
        }
        if (search.expiringBefore() != null) {
            matching = matching.and(
                    (root, query, cb) -> cb.lessThan(root.get("lease").get("expiresAt"), search.expiringBefore()));
        }
        var after = search.after();
        if (after != null) {
            matching = matching.and((root, query, cb) -> cb.or(
                    cb.lessThan(root.get("createdAt"), after.createdAt()),
                    cb.and(
                            cb.equal(root.get("createdAt"), after.createdAt()),
                            cb.lessThan(root.get("id"), after.id()))));
        }
        return matching;
    }
}
