package io.github.lxca.importer;

import io.github.lxca.client.LxcaException;
import io.github.lxca.client.WhatToDo;

/**
 * What a failed import tells the user. LXCA's expected failures keep their one-line headline and
 * report; anything else is a bug in the plugin, and is called one.
 */
public final class FailureMessage {
    public static final String BUG = "this is a bug in lxca-maven-plugin, please report it with the -X log";

    private FailureMessage() {}

    /** An exception no part of the import expects: its stack trace belongs in the log at ERROR. */
    public static boolean isBug(Exception failure) {
        return failure instanceof RuntimeException;
    }

    /** The one-line headline, for the build's first line and the report. */
    public static String headline(Exception failure) {
        if (isBug(failure)) {
            return "The import stopped on an unexpected " + failure.getClass().getName()
                    + (failure.getMessage() == null ? "" : " (" + failure.getMessage() + ")") + ": " + BUG;
        }
        return failure.getMessage();
    }

    /** The whole report: the headline, LXCA's messages when it sent any, and a What to do: line. */
    public static String of(Exception failure) {
        if (failure instanceof LxcaException lxca) {
            return lxca.describe();
        }
        if (isBug(failure)) {
            return headline(failure) + "\nWhat to do: " + WhatToDo.REPORT_THE_BUG;
        }
        return failure.getMessage();
    }
}
