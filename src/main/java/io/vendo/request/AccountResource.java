package io.vendo.request;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** One resource of a target account as the form offers it: the value CloudFormation takes, and its Name tag. */
@NamedInterface("ports")
public record AccountResource(String id, @Nullable String name) {

    public String label() {
        return name == null || name.isBlank() ? id : id + " (" + name + ")";
    }
}
