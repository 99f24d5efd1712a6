package org.creditledger.console.web;

import java.util.Map;

/**
 * A problem the ledger's API answered (RFC 7807), as the console shows it: title and detail already in the reader's
 * language, field messages by field name so a form can show each next to its input.
 */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final Map<String, String> fieldErrors;

    public ApiProblem(int status, String type, String title, String detail, Map<String, String> fieldErrors) {
        super(type + " (" + status + ")", null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /** The message for one field, or null. */
    public String field(String name) {
        return fieldErrors.get(name);
    }
}
