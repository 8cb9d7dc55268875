package io.vendo.environment.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of environments, newest first.
 *
 * @param nextCursor pass it as {@code cursor} to get the next page; absent on the last page
 */
record EnvironmentPage(List<EnvironmentResponse> items, @Nullable String nextCursor) {}
