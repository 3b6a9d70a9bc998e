package io.github.lxca.simulator;

import java.util.Locale;

/**
 * A misbehaviour the simulator can be told to show to one user. The standalone simulator has one user
 * per fault, named by {@link #userName()}, so that a real {@code mvn} build can pick a fault by its
 * credentials.
 */
public enum Fault {
    /**
     * Login answers HTTP 200 with {@code "result": "failure"}, no messages, and the new session's id and
     * CSRF token in its body: a reply whose body must never be shown.
     */
    LOGIN_SAYS_FAILURE,
    /** Login succeeds but the account must change its password first. */
    PASSWORD_CHANGE_REQUIRED,
    /** Creating the job answers HTTP 200 with {@code "result": "failure"}. */
    CREATE_JOB_RESULT_FAILURE,
    /** Creating the job answers success without any job id. */
    CREATE_JOB_WITHOUT_ID,
    /** The upload is refused with 409 and messages at the top level of the body. */
    UPLOAD_409,
    /** The upload is refused with 409 and messages inside {@code errorMsg}, as the reference page shows. */
    UPLOAD_409_ERRORMSG,
    /** The upload fails with 500 and a JSON message whose recovery is a plain string. */
    UPLOAD_500,
    /** The upload fails with 500 and an HTML page, as a proxy would send. */
    UPLOAD_500_HTML,
    /** The upload fails with 500 and no body at all. */
    UPLOAD_500_EMPTY,
    /** The connection is closed in the middle of every upload. */
    UPLOAD_DROPPED,
    /** The connection is closed in the middle of the first upload only. */
    UPLOAD_DROPPED_ONCE,
    /**
     * The first upload arrives whole and the job starts (Running at 0 % when first asked), but the
     * connection closes before the reply.
     */
    UPLOAD_REPLY_LOST,
    /** The first upload is cut off, yet its updates land in the repository (as if another job brought them). */
    UPLOAD_DROPPED_BUT_STORED,
    /** The upload is answered 503 with Retry-After, which HttpClient's default strategy would retry on its own. */
    UPLOAD_503,
    /** The upload fails with 500 and an error body that never ends. */
    UPLOAD_500_ENDLESS,
    /** The session ends after the first task poll: the next call gets 401. */
    SESSION_EXPIRES,
    /** The first two task polls answer 503 with an HTML page, as a load balancer would. */
    TASKS_UNAVAILABLE_TWICE,
    /** Task polls answer 200 with an HTML page. */
    TASKS_HTML,
    /** Task polls answer a list that does not contain the job. */
    TASKS_WITHOUT_JOB,
    /** The task ends Stopped_With_Error with LXCA messages. */
    TASK_FAILS,
    /** The task says Complete, but one child task ended Stopped_With_Error. */
    TASK_CHILD_FAILS,
    /** The task stays Running forever. */
    TASK_NEVER_ENDS,
    /** The task says Complete, but the update never shows up in the repository. */
    COMPLETE_BUT_NOT_STORED,
    /** The task's state comes as an object {@code status: {state, percentage}}. */
    TASK_STATUS_OBJECT,
    /** The task carries its state only in {@code taskState}, with no {@code status}. */
    TASK_STATE_FIELD,
    /** The task's {@code status} is free text ("Importing ..."); its state is in {@code taskState}. */
    TASK_FREE_TEXT_STATUS,
    /** Creating the job answers the job id as a JSON number. */
    CREATE_JOB_NUMERIC_ID,
    /** Creating the job answers HTTP 201 rather than 200. */
    CREATE_JOB_201,
    /** Creating the job answers {@code "result": "warning"} with a message, and the job goes ahead. */
    CREATE_JOB_WARNING,
    /** The upload is refused with 409 and messages inside a nested {@code status} object. */
    UPLOAD_409_NESTED_STATUS,
    /** The upload is answered HTTP 200 with {@code {"state": "failure", ...}} and no {@code result}. */
    UPLOAD_STATE_FAILURE,
    /** The repository listing carries its messages in a nested {@code status} object with result informational. */
    LISTING_NESTED_STATUS,
    /**
     * The login reply carries the CSRF token in its body; the {@code csrf} cookie carries it too, as real LXCA
     * always sets it (Lenovo's Python client reads only the cookie). It once had no cookie, which no source shows
     * LXCA doing; the user stays, so that the builds that name it go on.
     */
    LOGIN_CSRF_BODY_ONLY,
    /** The login reply carries the CSRF token only in the {@code csrf} cookie, not in its body. */
    LOGIN_CSRF_COOKIE_ONLY,
    /**
     * Not a fault but LXCA at its strictest: each uploaded descriptor is read as Lenovo's parser reads it,
     * and a set whose {@code .xml} is not {@code INSTANCE}-shaped, or whose {@code payload} names no uploaded
     * file, is refused with an LXCA message.
     */
    STRICT_DESCRIPTORS,
    /** Logging out is answered only after 3 s, as by an LXCA that stopped answering. */
    LOGOUT_HANGS,
    /** Cancelling a job fails with 500 and a JSON message. */
    CANCEL_FAILS,
    /** The repository's size ({@code key=size}) shows 100 bytes free. */
    REPOSITORY_FULL,
    /** The repository's size is not answered ({@code key=size} gives 404), as by an LXCA that does not know it. */
    REPOSITORY_SIZE_UNKNOWN,
    /** An apply restarts the appliance, which comes back with its old version and a history entry with {@code installationFailedDate}. */
    APPLY_INSTALLATION_FAILS,
    /** An apply takes the appliance away for good: it refuses connections from then on. */
    APPLY_NEVER_COMES_BACK,
    /** An apply restarts the appliance, which comes back with its old version and no history entry. */
    APPLY_VERSION_UNCHANGED,
    /** The apply job ends {@code Stopped_With_Error} with an LXCA message, and the appliance does not restart. */
    APPLY_JOB_FAILS,
    /** The apply starts, but the connection closes before its reply; the appliance then restarts as usual. */
    APPLY_REPLY_LOST,
    /** The update history is not answered ({@code key=history} gives 404), as by an LXCA that does not know it. */
    APPLY_HISTORY_UNKNOWN,
    /** The apply is answered 401, as when the session ended just before it; nothing is applied. */
    APPLY_SESSION_ENDED,
    /**
     * The update history's entry for this user's apply is in the undocumented shape an earlier simulator answered:
     * {@code fixid}, {@code status}, a date, no {@code fileName} nor {@code version}.
     */
    APPLY_HISTORY_FIXID,
    /** The update history's entry for this user's apply names no file: only its {@code version} ties it to the update. */
    APPLY_HISTORY_VERSION_ONLY,
    /** Every login reply trickles: its status and headers come at once, then one byte of its body every 2 s. */
    TRICKLE_LOGIN,
    /**
     * Creating the job trickles its reply. The simulator keeps no job for it: the client never learns its id (a real
     * LXCA may keep such a job Pending, which the plugin cannot name).
     */
    TRICKLE_CREATE_JOB,
    /** The upload arrives whole and the job starts, but the upload's reply trickles. */
    TRICKLE_UPLOAD_REPLY,
    /** Every task poll trickles its reply. */
    TRICKLE_TASK_POLL,
    /**
     * Every login after the user's first two trickles: the import's and the apply's own logins go through, and the
     * re-login after the apply's restart meets a trickling reply.
     */
    TRICKLE_APPLY_RELOGIN,
    /** The logout ends the session, then trickles its reply. */
    TRICKLE_LOGOUT,
    /** Login answers 200 with an HTML page (text/html), no cookie and no CSRF token, as a login portal would. */
    LOGIN_HTML,
    /**
     * At this user's first login, another user ({@value #OTHER_PIPELINE}) has an import of {@value #RUNNING_FIX_ID}
     * Running, as a stopped build or a concurrent pipeline leaves it; it completes after a few polls of its task and
     * the update lands in the repository.
     */
    IMPORT_ALREADY_RUNNING,
    /**
     * Login is refused with 401 and a message that echoes the password it was sent and a forged log line after a
     * line break, as a careless server or proxy might.
     */
    LOGIN_ECHOES_PASSWORD,
    /** Deleting an update from the repository is refused with 403 and a JSON message, as for a user without the role. */
    DELETE_REFUSED,
    /** The repository listing ({@code GET /managementServer/updates}) is refused with 403 and a JSON message. */
    LISTING_REFUSED,
    /**
     * The first task poll is answered 503 with a JSON message (a passing refusal), every later one 500 with a JSON
     * message: an error envelope, never a task list.
     */
    TASK_POLL_REFUSED,
    /**
     * The version ({@code key=currentVersion}) and the update history ({@code key=history}) are refused with 500 and
     * a JSON message: what an apply's probes must not take for an answer.
     */
    APPLY_READS_REFUSED;

    /** The fix id of the import {@link #IMPORT_ALREADY_RUNNING} finds running. */
    public static final String RUNNING_FIX_ID = "lnvgy_sw_lxca_already-running-1.0.0_anyos_noarch";
    /** The user whose import {@link #IMPORT_ALREADY_RUNNING} finds running. */
    public static final String OTHER_PIPELINE = "another-pipeline";

    /** The user name of the standalone simulator's user that has this fault. */
    public String userName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
