package io.github.lxca.client;

/**
 * One attempt at a call while LXCA may be restarting, sorted by what it means for someone who waits: an
 * answer, an LXCA that is away ({@link Kind#AWAY}: no connection, a timeout, 502/503/504, an HTML page),
 * a session it no longer knows (401/403), a resource it does not know (404), or a refusal that would be a
 * failure at any other time.
 *
 * @param value the answer, for {@link Kind#ANSWERED}
 * @param reason what was seen, in words, for every other kind (never a body that may hold a secret)
 * @param refusal the typed failure, for {@link Kind#REFUSED}
 */
public record Probe<T>(Kind kind, T value, String reason, LxcaException refusal) {

    public enum Kind {
        ANSWERED,
        AWAY,
        SESSION_GONE,
        NOT_FOUND,
        REFUSED
    }

    public static <T> Probe<T> answered(T value) {
        return new Probe<>(Kind.ANSWERED, value, "answered", null);
    }

    public static <T> Probe<T> away(String reason) {
        return new Probe<>(Kind.AWAY, null, reason, null);
    }

    public static <T> Probe<T> sessionGone(String reason) {
        return new Probe<>(Kind.SESSION_GONE, null, reason, null);
    }

    public static <T> Probe<T> notFound(String reason) {
        return new Probe<>(Kind.NOT_FOUND, null, reason, null);
    }

    public static <T> Probe<T> refused(LxcaException refusal) {
        return new Probe<>(Kind.REFUSED, null, refusal.getMessage(), refusal);
    }

    public boolean answered() {
        return kind == Kind.ANSWERED;
    }

    /** The same outcome for another type of answer, for a probe that did not answer. */
    public <U> Probe<U> unanswered() {
        if (answered()) {
            throw new IllegalStateException("This probe answered");
        }
        return new Probe<>(kind, null, reason, refusal);
    }
}
