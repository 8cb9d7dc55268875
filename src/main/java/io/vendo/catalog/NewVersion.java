package io.vendo.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A template and its delivery settings, to become a blueprint's next version unless the newest version holds the
 * same.
 *
 * @param templateBody none when the admin gave none (a version needs one: refused)
 * @param delivery none: {@link Delivery.Stack} for STACK blueprints; other kinds must say how they are delivered
 */
@NamedInterface(name = "administration", propagate = false)
public record NewVersion(@Nullable String templateBody, List<String> capabilities, @Nullable Delivery delivery) {

    public NewVersion {
        capabilities = List.copyOf(capabilities);
    }
}
