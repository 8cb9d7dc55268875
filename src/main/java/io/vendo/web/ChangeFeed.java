package io.vendo.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Tells the pages of this replica, within milliseconds, that something happened to a subject (a request), whichever
 * replica made it happen: the database notifies every listener when an audit row commits (PostgreSQL
 * {@code NOTIFY vendo_changes}, sent by a trigger on {@code audit_event}), and this replica listens on one connection
 * of its own. Everything that changes a request is audited, so one notification source covers approvals, decisions,
 * cancellations and execution alike, and a page that refreshes on it finds the new timeline entry already there.
 *
 * <p>PostgreSQL rather than an in-memory event: the change may be committed by another replica (its web requests, its
 * scheduler), and the database is what all replicas share. NOTIFY is transactional (a rolled-back change announces
 * nothing) and cheap (audit rows are already written one at a time). A notification lost while the connection is down
 * costs nothing but time: the pages also look again on their own, less often.
 */
@Component
public class ChangeFeed implements SmartLifecycle {

    /** The channel the trigger on {@code audit_event} notifies, with the subject id as payload. */
    static final String CHANNEL = "vendo_changes";

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    private static final int WAIT_MILLIS = 5_000;
    private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final ConcurrentHashMap<String, Set<Runnable>> listeners = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean connected;
    private volatile @Nullable Thread listener;

    ChangeFeed(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Calls {@code onChange} (on the feed's thread: keep it short) each time something happens to the subject, until
     * the returned subscription is closed.
     */
    public Subscription subscribe(String subject, Runnable onChange) {
        listeners.computeIfAbsent(subject, key -> new CopyOnWriteArraySet<>()).add(onChange);
        return () -> listeners.computeIfPresent(subject, (key, set) -> {
            set.remove(onChange);
            return set.isEmpty() ? null : set;
        });
    }

    /** Whether the feed is listening now; while it is not, pages learn of changes only by looking again. */
    public boolean connected() {
        return connected;
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().name("change-feed").daemon().start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        var thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the connection pool closes (the pool stops at the default phase, this one earlier). */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1024;
    }

    private void listen() {
        var delay = Duration.ofSeconds(1);
        while (running) {
            try (var connection = dataSource.getConnection()) {
                listenOn(connection);
                delay = Duration.ofSeconds(1);
            } catch (SQLException | RuntimeException e) {
                connected = false;
                if (!running) {
                    return;
                }
                log.warn(
                        "Change feed lost its database connection ({}); pages fall back to polling until it is back",
                        e.getMessage());
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException interrupted) {
                    return;
                }
                delay = delay.multipliedBy(2).compareTo(MAX_RECONNECT_DELAY) > 0
                        ? MAX_RECONNECT_DELAY
                        : delay.multipliedBy(2);
            }
        }
    }

    private void listenOn(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (var statement = connection.createStatement()) {
            statement.execute("listen " + CHANNEL);
        }
        var postgres = connection.unwrap(PGConnection.class);
        connected = true;
        try {
            while (running) {
                var notifications = postgres.getNotifications(WAIT_MILLIS);
                if (notifications == null) {
                    continue;
                }
                for (var notification : notifications) {
                    notify(notification.getParameter());
                }
            }
        } finally {
            connected = false;
            try (var statement = connection.createStatement()) {
                statement.execute("unlisten " + CHANNEL);
            } catch (SQLException closing) {
                log.debug("Could not unlisten while stopping", closing);
            }
        }
    }

    private void notify(String subject) {
        var subscribed = listeners.get(subject);
        if (subscribed == null) {
            return;
        }
        for (var onChange : subscribed) {
            try {
                onChange.run();
            } catch (RuntimeException e) {
                log.warn("A change listener for {} failed", subject, e);
            }
        }
    }

    /** Ends a subscription; closing it twice is harmless. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
