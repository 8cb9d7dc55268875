package io.vendo.request.web;

import io.vendo.web.ChangeFeed;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What one open request stream listens to: one {@link ChangeFeed} subscription per followed request, all calling the
 * same reaction. Following a new set subscribes to the requests it adds and ends the subscriptions of those it drops.
 */
final class StreamSubscriptions implements AutoCloseable {

    private final ChangeFeed feed;
    private final Runnable onChange;
    private final Map<UUID, ChangeFeed.Subscription> subscribed = new HashMap<>();
    private boolean closed;

    StreamSubscriptions(ChangeFeed feed, Runnable onChange) {
        this.feed = feed;
        this.onChange = onChange;
    }

    synchronized void follow(Set<UUID> requests) {
        if (closed) {
            return;
        }
        subscribed.entrySet().removeIf(entry -> {
            if (requests.contains(entry.getKey())) {
                return false;
            }
            entry.getValue().close();
            return true;
        });
        requests.forEach(request ->
                subscribed.computeIfAbsent(request, subject -> feed.subscribe(subject.toString(), onChange)));
    }

    @Override
    public synchronized void close() {
        closed = true;
        subscribed.values().forEach(ChangeFeed.Subscription::close);
        subscribed.clear();
    }
}
