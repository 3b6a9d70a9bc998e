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
 * bidi overrides), and every secret of this JVM's sessions (the passwords sent, the session ids and CSRF tokens
 * received) is masked as {@value #MASK}, so that an LXCA or a proxy that echoes one cannot have it printed.
 */
public final class ServerText {
    static final String MASK = "***";
    /** Shorter values are not masked: they would garble ordinary words and protect nothing. */
    private static final int SHORTEST_SECRET = 3;

    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cntrl}\\p{Cf}\\u2028\\u2029]");
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private ServerText() {}

    /** Remembers a secret to mask in all server text from now on (a password, a session id, a CSRF token). */
    static void secret(String value) {
        if (value != null && value.length() >= SHORTEST_SECRET) {
            SECRETS.add(value);
        }
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
        List<String> secrets = SECRETS.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        for (String secret : secrets) {
            cleaned = cleaned.replace(secret, MASK);
        }
        return cleaned;
    }
}
