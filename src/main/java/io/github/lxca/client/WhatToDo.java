package io.github.lxca.client;

import java.util.List;

/**
 * Every {@code What to do:} text of a failure of the import (talking to LXCA, its trust settings, a bug),
 * in one place: each exception type's own fallback, and the advice of the place that raised it when it
 * knows better. The place that raises a failure names one of these; none is written out at a call site.
 * The goals' own configuration checks (PluginConfigurationException, PackagingException) say what to
 * change next to the parameter they check.
 */
public final class WhatToDo {
    private WhatToDo() {}

    // Each failure type's own, for when the place that raised it knows nothing better.
    static final String CHECK_THE_CREDENTIALS = "check the LXCA user name and password (the <server> of settings.xml"
            + " named by lxca.serverId, or LXCA_USERNAME and LXCA_PASSWORD), and that the account is neither locked nor"
            + " without access to LXCA";
    static final String TRUST_THE_CERTIFICATE = "compare LXCA's certificate with the one its web console shows, then"
            + " trust it with lxca.trustStore or lxca.certificateFingerprint";
    static final String CORRECT_THE_SETTING = "correct the setting named above, then run again";
    static final String CHECK_THAT_LXCA_IS_UP =
            "check that LXCA is up and that the network between this machine and" + " LXCA works, then run again";
    static final String POINT_AT_LXCA_OR_REPORT = "check that lxca.url points at LXCA itself and not at a proxy, load"
            + " balancer or login page; if it does, this LXCA answers in a way the plugin does not know: report it with"
            + " the -X log";
    static final String FOLLOW_THE_RECOVERY_ADVICE = "follow LXCA's recovery advice above, then run again";
    static final String FOLLOW_THE_RECOVERY_ADVICE_AND_THE_JOB_LOG = "follow LXCA's recovery advice above; the job's"
            + " full log is under Monitoring > Jobs in LXCA's web console";
    static final String THE_JOB_MAY_STILL_RUN = "the job may still be running in LXCA (see Monitoring > Jobs there);"
            + " raise lxca.taskTimeout if imports of this size take longer";
    static final String KEEP_THE_FOLDER_STILL =
            "make sure nothing writes to the update folder during the import, then" + " run again";
    static final String WAIT_FOR_THE_OTHER_IMPORT = "wait for that job to end (Monitoring > Jobs in LXCA's web"
            + " console), or cancel it there if it is left over from a stopped build, then run again; this build did"
            + " not start a second import";
    public static final String RUN_AGAIN_TO_IMPORT = "run the build again to import the update";
    public static final String REMOVE_UNNEEDED_UPDATES = "remove updates LXCA no longer needs from its repository"
            + " (Administration > Update Management Server), then run again";
    public static final String SKIP_REPLACE_OR_REMOVE =
            "set lxca.onExisting=skip to leave it, or lxca.onExisting=replace"
                    + " to import it again; or remove it in LXCA";
    public static final String CHECK_THE_JOB_LOG = "check the job's log under Monitoring > Jobs in LXCA's web console";

    // The advice of the place that raised it.
    static final String POINT_AT_LXCA_NOT_A_PROXY_PAGE =
            "check that lxca.url points at LXCA itself and not at a proxy page";
    static final String KEEP_THE_FOLDER_STILL_DURING_THE_UPLOAD = "make sure nothing writes to the update folder during"
            + " the import (a parallel build, a copy still in progress), then run again";
    static final String NAME_THE_CERTIFICATES_HOST =
            "use the host name or address the certificate names in lxca.url, or"
                    + " pin the certificate with lxca.certificateFingerprint";
    static final String RENEW_THE_CERTIFICATE = "renew LXCA's server certificate (regenerate it in LXCA's web console"
            + " under Administration > Security, or install one your CA signed), then run again; if the date above"
            + " is wrong, correct this machine's clock";
    static final String CHECK_THE_CLOCKS = "check the clocks of this machine and of LXCA: a certificate made on a"
            + " machine whose clock runs ahead is not valid yet elsewhere; regenerate it once the clocks agree";
    static final String ENABLE_TLS_1_2 = "enable TLS 1.2 or 1.3 on LXCA (its cryptographic settings under"
            + " Administration > Security), or check that lxca.url points at LXCA and not at an old proxy";
    static final String POINT_AT_THE_HTTPS_PORT = "check that lxca.url points at LXCA's HTTPS port";
    static final String CHECK_THE_HOST_AND_DNS = "check the host in lxca.url and this machine's DNS";
    static final String CHECK_FOR_A_FIREWALL =
            "check lxca.url, that LXCA is up, and that no firewall drops the connection";
    static final String CHECK_THE_HOST_AND_PORT =
            "check the host and port in lxca.url and that LXCA is running and" + " reachable from this machine";
    static final String RAISE_THE_READ_TIMEOUT = "LXCA may be overloaded; try again later or raise the read timeout";
    static final String CHECK_THE_NETWORK = "check the network between this machine and LXCA, then run again";
    static final String RUN_AGAIN_ONCE_STOPPED =
            "nothing: the build was stopped (Ctrl-C or a cancelled CI job); run it again when you want the import";
    static final String CHECK_THE_TRUST_STORE = "check lxca.trustStore and lxca.trustStorePassword";
    public static final String SKIP_OR_REPLACE_THE_PRESENT_UPDATE = "set lxca.onExisting=skip to leave it and succeed"
            + " (safe for re-runs), or lxca.onExisting=replace to delete it and import it again; or remove it in LXCA"
            + " (Administration > Update Management Server)";
    public static final String CHECK_THE_JOB_LOG_FOR_A_REFUSAL = CHECK_THE_JOB_LOG + "; the update may have been"
            + " refused after upload (for example a descriptor LXCA does not accept)";

    // The trust settings, checked before any connection (TrustInputs).
    private static final String MAKE_A_TRUST_STORE = "keytool -importcert -file lxca.pem -alias lxca"
            + " -keystore lxca-truststore.p12 -storetype PKCS12 makes one from LXCA's certificate";
    static final String COPY_THE_WHOLE_FINGERPRINT = "copy the whole SHA-256 fingerprint of LXCA's certificate (its web"
            + " console shows it, and so does an earlier failed run's message), for example AB:CD:...:EF";
    static final String CHECK_THE_TRUST_STORE_PATH =
            "check the path (a relative one is taken from the folder Maven runs" + " in); " + MAKE_A_TRUST_STORE;
    static final String NAME_THE_TRUST_STORE_FILE = "name the trust store file itself, not its folder";
    static final String GIVE_READ_ACCESS = "give the build's user read access to it";
    static final String USE_A_PKCS12_OR_JKS_FILE = "point lxca.trustStore at a PKCS12 or JKS file (a PEM certificate"
            + " must be imported into one first: " + MAKE_A_TRUST_STORE + ")";
    static final String CHECK_THE_TRUST_STORE_FILE =
            "check that it is a complete PKCS12 or JKS file; " + MAKE_A_TRUST_STORE;
    static final String SET_THE_TRUST_STORE_PASSWORD = "set the trust store's password in the environment variable"
            + " LXCA_TRUSTSTORE_PASSWORD (or -Dlxca.trustStorePassword, which other users can see in the process list)";
    static final String IMPORT_THE_CERTIFICATE = "import LXCA's certificate into it: " + MAKE_A_TRUST_STORE;

    // A failure that is a bug of the plugin.
    public static final String REPORT_THE_BUG =
            "run again with -X and report the output, with the stack trace logged" + " above at ERROR";

    /** A trust store password that does not open the store. */
    static String giveTheTrustStorePasswordIn(String source) {
        return "give the password the trust store was made with, in " + source;
    }

    /** For a refusing reply, by its HTTP status. */
    /**
     * As {@link #forStatus}, but for the reply itself: a redirect names where it pointed, and "LXCA's recovery
     * advice above" is pointed to only when LXCA gave some.
     */
    static String forReply(Reply reply) {
        if (reply.isRedirect()) {
            return "LXCA (or something in front of it) redirected the request "
                    + reply.location().map(to -> "to " + to).orElse("without saying where")
                    + "; check that lxca.url is LXCA's own address (https://host[:port], without a path) and"
                    + " that no login portal or proxy stands in between";
        }
        if (reply.status() == 500 && !reply.hasRecoveryAdvice()) {
            return "LXCA failed internally and gave no recovery advice; check the jobs log in LXCA's web console"
                    + " (Monitoring > Jobs) and its service log, then run again";
        }
        return forStatus(reply.status());
    }

    /**
     * What to do about a failed job: LXCA's recovery advice when its messages give some, else the job's log.
     */
    public static String forFailedJob(List<LxcaMessage> messages) {
        return LxcaMessage.hasRecoveryAdvice(messages)
                ? FOLLOW_THE_RECOVERY_ADVICE_AND_THE_JOB_LOG
                : "LXCA gave no recovery advice; read the job's log under Monitoring > Jobs in LXCA's web console,"
                        + " fix the cause, then run again";
    }

    static String forStatus(int status) {
        return switch (status) {
            case 400 ->
                "LXCA found the request malformed; check that this LXCA version supports update imports"
                        + " through its REST API";
            case 401 -> "the session ended or the credentials are no longer valid; run again";
            case 403 ->
                "the user needs a role that may manage updates (for example lxc-supervisor or lxc-admin),"
                        + " and a job can only be used by the user that created it";
            case 404 -> "check that lxca.url points at LXCA itself (https://host[:port], without a path)";
            case 409 ->
                "the update may already be in LXCA's repository, or another import may be running;"
                        + " remove the update from the repository or wait for the other job, then run again";
            case 500 ->
                "LXCA failed internally; follow its recovery advice above, check the jobs log in LXCA's"
                        + " web console, then run again";
            case 502, 503, 504 -> "LXCA or a proxy in front of it is unavailable; try again later";
            default ->
                "LXCA answered HTTP " + status + ", which this call does not expect; check that lxca.url points at"
                        + " LXCA itself";
        };
    }

    /** LXCA turned down the user name or password read from {@code source}. */
    static String checkTheCredentialsFrom(String source) {
        return "check the credentials from " + source + "; the account may also be locked or lack access to LXCA";
    }

    /** LXCA wants the password read from {@code source} changed first. */
    static String changeThePasswordThenUpdate(String source) {
        return "log in to the LXCA web console once as this user and change the password, then update " + source;
    }

    /** A pinned certificate changed: verify the new one before pinning it. */
    static String verifyBeforePinning(String presented) {
        return "do not pin the new fingerprint before you have verified it: open LXCA's web console from a"
                + " network you trust, look at its server certificate (Administration > Security, or the"
                + " browser's certificate view) and compare its SHA-256 fingerprint with " + presented
                + "; only if they match, set -Dlxca.certificateFingerprint=" + presented;
    }

    /** A certificate nothing trusts. */
    static String trustThisCertificate(String presented) {
        return "if this is your LXCA (compare the fingerprint with the certificate its web console shows),"
                + " trust it with -Dlxca.certificateFingerprint=" + presented
                + ", or import LXCA's certificate into a trust store and set lxca.trustStore;"
                + " lxca.insecure=true skips all checks and is meant for labs only";
    }

    /** onExisting=replace deleted {@code deleted} and the import failed: LXCA no longer holds them. */
    public static String importAgainAfterReplace(String failureAdvice, String deleted, String pronoun) {
        return failureAdvice + "; then run the build again to import " + deleted
                + " (any onExisting will do, since LXCA no longer holds " + pronoun + ")";
    }
}
