package io.vendo.environment;

import io.vendo.identity.Actor;
import io.vendo.identity.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Whose an environment is, and so who may see it (its owner, the owning team's members, admins) and who may act on it
 * (its owner and admins).
 */
@Embeddable
record Ownership(
        @Column(name = "owner", nullable = false, updatable = false) String owner,
        @Column(name = "team", nullable = false, updatable = false) String team) {

    boolean visibleTo(Actor viewer) {
        return viewer.has(Role.ADMIN)
                || viewer.username().equals(owner)
                || viewer.teams().contains(team);
    }

    /** Whether the actor is its owner or an admin; filing a request takes the REQUESTER role besides. */
    boolean ownedBy(Actor actor) {
        return actor.has(Role.ADMIN) || actor.username().equals(owner);
    }
}
