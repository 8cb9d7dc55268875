package io.vendo.request;

import io.vendo.refusal.Refusal;

/**
 * A COMPOSITE blueprint can be stored, validated and previewed, but this portal cannot execute its graph yet: a request
 * of it is refused before anything is stored, rather than approved and then stuck.
 */
class CompositeNotExecutableException extends Refusal {

    CompositeNotExecutableException(String blueprint) {
        super(
                Kind.CONFLICT,
                "Composite blueprints are not executed yet",
                "Blueprint %s is a COMPOSITE: its form and graph can be previewed, but this version of Vendo does not"
                                .formatted(blueprint)
                        + " deploy composites yet, so no request of it is taken");
    }
}
