package io.github.lxca.apply;

import java.util.Locale;

/**
 * Orders version strings as people read them: split at {@code .}, {@code -}, {@code _} and spaces, numbers
 * compared as numbers, words case-insensitively, missing parts as zero ({@code 2.0} equals {@code 2.0.0}). A
 * leading {@code v} is ignored. LXCA's own rule is not documented (inferred).
 */
public final class VersionComparison {
    private VersionComparison() {}

    public static int compare(String left, String right) {
        String[] a = parts(left);
        String[] b = parts(right);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "0";
            String y = i < b.length ? b[i] : "0";
            int order = x.matches("\\d+") && y.matches("\\d+")
                    ? new java.math.BigInteger(x).compareTo(new java.math.BigInteger(y))
                    : x.compareTo(y);
            if (order != 0) {
                return Integer.signum(order);
            }
        }
        return 0;
    }

    public static boolean isNewer(String candidate, String running) {
        return compare(candidate, running) > 0;
    }

    public static boolean same(String left, String right) {
        return compare(left, right) == 0;
    }

    private static String[] parts(String version) {
        String text = version.strip().toLowerCase(Locale.ROOT);
        if (text.startsWith("v") && text.length() > 1 && Character.isDigit(text.charAt(1))) {
            text = text.substring(1);
        }
        return text.isEmpty() ? new String[0] : text.split("[.\\-_ ]+");
    }
}
