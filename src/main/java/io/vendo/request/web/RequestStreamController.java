package io.vendo.request.web;

import io.vendo.identity.Actor;
import io.vendo.web.ChangeFeed;
import io.vendo.web.PageController;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for an open request page: an event named {@code changed} each time something happens to the
 * request or to another request its page follows (a promotion's other steps, {@link RequestPage#follows()}), on
 * whichever replica it happened ({@link ChangeFeed}); the page then fetches its fragment again. What the page follows
 * is read again after each change, so a step filed meanwhile is followed from then on. A page on which nothing will
 * change any more has nothing more to say: 204, and the browser does not reconnect. An open stream holds no thread; a
 * comment every 25 seconds keeps proxies from closing it, and after half an hour it ends and the browser reconnects.
 */
@PageController
class RequestStreamController implements SmartLifecycle {

    private static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final Duration HEARTBEAT = Duration.ofSeconds(25);
    private static final Duration RECONNECT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(RequestStreamController.class);

    private final RequestPages pages;
    private final ChangeFeed feed;
    /** The open streams, each with what ends its subscriptions. */
    private final Map<SseEmitter, Runnable> open = new ConcurrentHashMap<>();
    /** What each open stream listens to. */
    private final Map<SseEmitter, StreamSubscriptions> following = new ConcurrentHashMap<>();

    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("request-stream-heartbeat").daemon().factory());

    RequestStreamController(RequestPages pages, ChangeFeed feed) {
        this.pages = pages;
        this.feed = feed;
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    }

    @GetMapping(path = "/requests/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> stream(@PathVariable UUID id, Actor actor) throws IOException {
        var follows = pages.read(id, actor).follows();
        if (follows.isEmpty()) {
            return ResponseEntity.noContent().build();
        }
        var emitter = new SseEmitter(LIFETIME.toMillis());
        var subscriptions = new StreamSubscriptions(feed, () -> {
            send(emitter, SseEmitter.event().name("changed").data(id.toString()));
            if (running) {
                heartbeat.execute(() -> followAgain(emitter, id, actor));
            }
        });
        subscriptions.follow(follows);
        Runnable close = () -> {
            subscriptions.close();
            open.remove(emitter);
            following.remove(emitter);
        };
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(error -> close.run());
        open.put(emitter, close);
        following.put(emitter, subscriptions);
        emitter.send(SseEmitter.event().reconnectTime(RECONNECT.toMillis()).comment("listening"));
        return ResponseEntity.ok().header("X-Accel-Buffering", "no").body(emitter);
    }

    /**
     * After a change, what the page follows may have changed too (a promotion's next step was filed): the stream
     * follows that from now on. Once nothing on the page can change, the stream ends; the page, which sees the same,
     * does not reconnect.
     */
    private void followAgain(SseEmitter emitter, UUID id, Actor actor) {
        var subscriptions = following.get(emitter);
        if (subscriptions == null) {
            return;
        }
        try {
            var follows = pages.read(id, actor).follows();
            if (follows.isEmpty()) {
                emitter.complete();
            } else {
                subscriptions.follow(follows);
            }
        } catch (RuntimeException e) {
            // The browser reconnects and is answered afresh (a request it may no longer see: 404).
            log.warn("The stream of request {} ends: what it follows could not be read again", id, e);
            emitter.completeWithError(e);
        }
    }

    /**
     * A failed send means the browser has gone; the servlet container reports it to the emitter as well, but the
     * subscription ends here at once rather than at that report.
     */
    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            var close = open.get(emitter);
            if (close != null) {
                close.run();
            }
        }
    }

    private void beat() {
        open.keySet().forEach(emitter -> send(emitter, SseEmitter.event().comment("still here")));
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every open stream before the web server's graceful shutdown waits for requests to finish (a stream never
     * would); the browsers reconnect, to another replica.
     */
    @Override
    public void stop() {
        running = false;
        heartbeat.shutdownNow();
        open.keySet().forEach(SseEmitter::complete);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
