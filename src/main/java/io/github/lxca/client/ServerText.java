package io.github.lxca.client;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The one sanitiser of text that came from the server (LXCA's messages, a reply's excerpt, a task's state and
 * name, a version, a redirect's Location): before such text reaches a log line or an exception message, its
 * control and format characters are replaced by spaces (so that it can forge no log line and hide nothing with
 * bidi overrides), and every secret of the open clients' sessions (the passwords sent, the session ids and CSRF
 * tokens received) is masked as {@value #MASK}, so that an LXCA or a proxy that echoes one cannot have it printed.
 *
 * <p>Each client keeps its secrets in {@link Secrets} of its own, which it forgets when it closes: a JVM that runs
 * many builds (a Maven daemon) does not gather every password and session id it ever saw. Text is cleaned when it is
 * read from a reply, while its client is open; a secret two open clients share (one password for several LXCAs) is
 * masked until both have closed.
 */
public final class ServerText {
    static final String MASK = "***";
    /** Shorter values are not masked: they would garble ordinary words and protect nothing. */
    private static final int SHORTEST_SECRET = 3;

    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cntrl}\\p{Cf}\\u2028\\u2029]");
    /** Every open client's secrets, each with the number of open clients that hold it. */
    private static final ConcurrentHashMap<String, Integer> SECRETS = new ConcurrentHashMap<>();

    private ServerText() {}

    /** One client's secrets: masked in all server text while it is open, forgotten when it closes. */
    static final class Secrets implements AutoCloseable {
        private final Set<String> held = ConcurrentHashMap.newKeySet();

        /** Masks a secret from now on until {@link #close()} (a password, a session id, a CSRF token). */
        void add(String value) {
            if (value != null && value.length() >= SHORTEST_SECRET && held.add(value)) {
                SECRETS.merge(value, 1, Integer::sum);
            }
        }

        /** Forgets this client's secrets, but not those another open client holds too. */
        @Override
        public void close() {
            for (String value : held) {
                SECRETS.computeIfPresent(value, (secret, holders) -> holders > 1 ? holders - 1 : null);
            }
            held.clear();
        }
    }

    /** How many secrets are masked now, for a test that checks that a closed client's are forgotten. */
    static int secretsHeld() {
        return SECRETS.size();
    }

    /** The text, printable and with every known secret masked; null stays null. */
    public static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String cleaned = UNPRINTABLE.matcher(text).replaceAll(" ");
        if (SECRETS.isEmpty()) {
            return cleaned;
        }
        // longest first, so that a secret holding another one is masked whole
        List<String> secrets = SECRETS.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        for (String secret : secrets) {
            cleaned = cleaned.replace(secret, MASK);
        }
        return cleaned;
    }
}
