package io.github.lxca.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A job id from LXCA goes into URLs ({@code /tasks/<id>}) and log lines, so it must look like an id before it is
 * used: letters, digits, {@code -} and {@code _}, at most {@value #LONGEST} characters (LXCA's are small numbers).
 * Anything else (a {@code ..}, a slash, a line break that would forge a log line) is a protocol error.
 */
public final class JobIds {
    static final int LONGEST = 64;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1," + LONGEST + "}");

    private JobIds() {}

    /** Whether {@code jobId} looks like a job id, and so may go into a URL or a log line. */
    public static boolean isId(String jobId) {
        return jobId != null && ID.matcher(jobId).matches();
    }

    /** The job id a reply names ({@code jobid}, {@code jobId} or {@code taskid}, also under {@code response}), or null. */
    static String in(JsonNode reply) {
        if (reply == null) {
            return null;
        }
        String top = JsonFields.firstText(reply, "jobid", "jobId", "taskid");
        return top != null ? top : JsonFields.firstText(reply.path("response"), "jobid", "jobId", "taskid");
    }

    /** The id, when it looks like one; else the protocol error naming the call and the id, cleaned. */
    static String require(String jobId, String operation) throws LxcaProtocolException {
        if (ID.matcher(jobId).matches()) {
            return jobId;
        }
        String shown = ServerText.clean(jobId);
        return failWith("LXCA's reply to " + operation + " names a job id that is not an id: \""
                + (shown.length() > LONGEST ? shown.substring(0, LONGEST) + "…" : shown) + "\" ("
                + jobId.length() + " characters); a job id is letters, digits, - and _, at most "
                + LONGEST + " characters");
    }

    private static String failWith(String headline) throws LxcaProtocolException {
        throw new LxcaProtocolException(headline, null, List.of(), WhatToDo.POINT_AT_LXCA_NOT_A_PROXY_PAGE, null);
    }
}
