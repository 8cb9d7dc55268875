package io.vendo.request;

import io.vendo.identity.Actor;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * Whether someone takes part in deciding a request (an approver of one of its policy's groups, or who already decided
 * it). The approval module knows and implements this; the request module asks it when deciding who may see a
 * request, without depending on the approval module.
 */
@NamedInterface("ports")
public interface RequestParticipation {

    boolean participates(UUID requestId, Actor actor);
}
