package io.github.lxca.maven;

import io.github.lxca.client.LxcaCertificateException;
import io.github.lxca.client.LxcaConfigurationException;
import io.github.lxca.client.LxcaConnectionException;
import io.github.lxca.importer.FailureMessage;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * The one owner of how a failure of {@code import-update}, {@code apply-update} or one appliance of a rollout ends
 * the build: which failures are a broken environment (LXCA unreachable or untrusted, or the client cannot be set up
 * for it) or a bug in the plugin, both Maven's "execution" error ({@link MojoExecutionException}), and which are
 * LXCA's refusals and failed jobs, the build's "failure" ({@link MojoFailureException}); and the text the user sees.
 * The exception is never passed on as a cause, because Maven appends every cause's message to the headline; its
 * stack trace goes to the debug log, a bug's to ERROR.
 */
final class GoalFailure {
    private final Log log;

    GoalFailure(Log log) {
        this.log = log;
    }

    /** LXCA is unreachable or untrusted, or the client cannot be set up for it: the environment, not the update. */
    static boolean isEnvironment(Exception failure) {
        return failure instanceof LxcaConnectionException
                || failure instanceof LxcaCertificateException
                || failure instanceof LxcaConfigurationException;
    }

    /**
     * Ends the goal with its one failure, whose report the user sees.
     *
     * @param what what failed, for the debug log's line ("LXCA import failed")
     * @param hint a line added after an environment's failure (where the URL came from), or null
     */
    void fail(String what, Exception failure, String hint) throws MojoExecutionException, MojoFailureException {
        String report = describe(what, failure);
        if (isEnvironment(failure)) {
            throw new MojoExecutionException(hint == null ? report : report + "\n" + hint);
        }
        if (FailureMessage.isBug(failure)) {
            throw new MojoExecutionException(report);
        }
        throw new MojoFailureException(report);
    }

    /** The report of one failure: LXCA's words and a {@code What to do:} line, or a bug called one. */
    String describe(String what, Exception failure) {
        if (FailureMessage.isBug(failure)) {
            log.error("The stack trace of the unexpected " + failure.getClass().getName() + ":", failure);
        } else {
            log.debug(what, failure);
        }
        return FailureMessage.of(failure);
    }

    /**
     * The report of one {@code <server>} entry's failure in a rollout: where the entry's own trust settings or the
     * client's set-up failed, it says the entry is the place to change them.
     */
    String describeEntry(String name, Exception failure) {
        String text = describe("The rollout failed on " + name, failure);
        if (failure instanceof LxcaCertificateException || failure instanceof LxcaConfigurationException) {
            text += "\nThis is the <server> entry '" + name + "' of <servers>: change it there (its"
                    + " certificateFingerprint and trustStore take the place of the goal's).";
        }
        return text;
    }
}
