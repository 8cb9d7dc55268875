package io.vendo.refusal;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Something a module will not do, and why: a {@link Kind} (what sort of refusal, which decides how a caller is
 * answered), a short title, a sentence for the person or client who asked, and facts a client can act on (the
 * invalid fields, the state the thing is in). Modules throw their own subclasses; callers that can do better than
 * showing the refusal (a form that puts each message beside its field) catch those.
 */
public abstract class Refusal extends RuntimeException {

    /** What sort of refusal it is. */
    public enum Kind {
        /** What was asked for is malformed or breaks a rule: the caller must change it. */
        INVALID,
        /** The caller may not do this, whatever the input. */
        NOT_ALLOWED,
        /** No such thing, or none the caller may see (the two are not told apart). */
        NOT_FOUND,
        /** The thing is not in a state for this, or exists already. */
        CONFLICT,
        /** It could be used once and no longer can (a used or expired link). */
        GONE,
        /** Something it needs is missing or out of reach now (a key, AWS); trying later may work. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String title;
    private final String detail;
    private final SortedMap<String, Object> facts;

    protected Refusal(Kind kind, String title, String detail) {
        this(kind, title, detail, Map.of(), null);
    }

    protected Refusal(Kind kind, String title, String detail, Map<String, ?> facts) {
        this(kind, title, detail, facts, null);
    }

    protected Refusal(Kind kind, String title, String detail, Map<String, ?> facts, @Nullable Throwable cause) {
        super(detail, cause);
        this.kind = kind;
        this.title = title;
        this.detail = detail;
        this.facts = Collections.unmodifiableSortedMap(new TreeMap<>(facts));
    }

    public Kind kind() {
        return kind;
    }

    /** A few words naming the refusal, e.g. "Unknown request". */
    public String title() {
        return title;
    }

    /** What was refused and why, in a sentence for people. */
    public String detail() {
        return detail;
    }

    /** Facts a client can act on, by name (e.g. {@code errors}: a message per invalid field). Never secrets. */
    public SortedMap<String, Object> facts() {
        return facts;
    }
}
