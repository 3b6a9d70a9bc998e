package io.github.lxca.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What LXCA's status envelope says about a reply, whatever its HTTP status: the {@code result} word from
 * any of the places it sits (top level, {@code errorMsg}, {@code response}, a nested {@code status}), or,
 * without any {@code result}, an upload reply's {@code state}.
 *
 * @param field the field that decided ({@code result} or {@code state}), or empty when none did
 * @param word the word it held
 */
record ReplyVerdict(Kind kind, String field, String word) {
    enum Kind {
        SILENT,
        SUCCESS,
        WARNING,
        FAILURE
    }

    private static final Set<String> SUCCESS_WORDS = Set.of("success", "informational");
    private static final String WARNING_WORD = "warning";
    private static final Set<String> FAILED_STATES = Set.of("failure", "failed");
    static final ReplyVerdict SILENT = new ReplyVerdict(Kind.SILENT, "", "");

    /** Every {@code result} counts: the worst decides, so a success at the top cannot hide a nested failure. */
    static ReplyVerdict of(JsonNode body) {
        if (body == null || !body.isObject()) {
            return SILENT;
        }
        ReplyVerdict worst = SILENT;
        for (JsonNode place : List.of(body, body.path("errorMsg"), body.path("response"), body.path("status"))) {
            String word = JsonFields.firstText(place, "result");
            if (word != null) {
                ReplyVerdict verdict = new ReplyVerdict(kindOf(word), "result", word);
                worst = verdict.kind.compareTo(worst.kind) > 0 ? verdict : worst;
            }
        }
        if (worst.kind == Kind.SILENT) {
            String state = JsonFields.firstText(body, "state");
            if (state != null && FAILED_STATES.contains(state.toLowerCase(Locale.ROOT))) {
                return new ReplyVerdict(Kind.FAILURE, "state", state);
            }
        }
        return worst;
    }

    /** {@code failed}, {@code failure}, {@code major}, {@code critical}, {@code error} and any unknown word fail. */
    private static Kind kindOf(String word) {
        String key = word.toLowerCase(Locale.ROOT);
        if (SUCCESS_WORDS.contains(key)) {
            return Kind.SUCCESS;
        }
        return WARNING_WORD.equals(key) ? Kind.WARNING : Kind.FAILURE;
    }

    boolean isFailure() {
        return kind == Kind.FAILURE;
    }

    boolean isWarning() {
        return kind == Kind.WARNING;
    }

    /** Such as {@code result 'failure'}, for a headline. */
    String describe() {
        return field + " '" + word + "'";
    }
}
