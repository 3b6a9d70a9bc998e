package io.github.lxca.packaging;

/** An update set cannot be packaged; the message says why and what to change. */
public class PackagingException extends Exception {
    public PackagingException(String message) {
        super(message);
    }

    public PackagingException(String message, Throwable cause) {
        super(message, cause);
    }
}
