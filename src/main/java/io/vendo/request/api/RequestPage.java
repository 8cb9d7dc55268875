package io.vendo.request.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of requests, newest first.
 *
 * @param items the requests of this page
 * @param nextCursor pass it as {@code cursor} to get the next page; absent on the last page
 */
record RequestPage(List<RequestResponse> items, @Nullable String nextCursor) {}
