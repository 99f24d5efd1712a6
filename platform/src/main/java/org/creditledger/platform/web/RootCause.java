package org.creditledger.platform.web;

/** The first line of the innermost cause's message: what a person needs from a chain of wrapped exceptions. */
public final class RootCause {

    private RootCause() {
    }

    public static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
