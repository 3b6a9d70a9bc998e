package io.github.lxca.maven;

import io.github.lxca.client.LxcaException;

/**
 * The build's message for a failed import. LXCA's expected failures keep their one-line headline and
 * report; anything else is a bug in the plugin, and is called one.
 */
final class FailureMessage {
    static final String BUG = "this is a bug in lxca-maven-plugin, please report it with the -X log";

    private FailureMessage() {}

    /** An exception no part of the import expects: its stack trace belongs in the log at ERROR. */
    static boolean isBug(Exception failure) {
        return failure instanceof RuntimeException;
    }

    static String of(Exception failure) {
        if (failure instanceof LxcaException lxca) {
            return lxca.describe();
        }
        if (isBug(failure)) {
            return "The import stopped on an unexpected " + failure.getClass().getName()
                    + (failure.getMessage() == null ? "" : " (" + failure.getMessage() + ")") + ": " + BUG
                    + "\nWhat to do: run again with -X and report the output, with the stack trace logged above"
                    + " at ERROR";
        }
        return failure.getMessage();
    }
}
