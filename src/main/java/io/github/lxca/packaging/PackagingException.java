package io.github.lxca.packaging;

/** An update set cannot be packaged: a headline saying why, and a {@code What to do:} line saying what to change. */
public class PackagingException extends Exception {
    public PackagingException(String headline, String whatToDo) {
        this(headline, whatToDo, null);
    }

    public PackagingException(String headline, String whatToDo, Throwable cause) {
        super(headline + "\nWhat to do: " + whatToDo, cause);
    }
}
