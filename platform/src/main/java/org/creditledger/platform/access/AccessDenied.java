package org.creditledger.platform.access;

import org.creditledger.platform.i18n.Text;

/** The caller is known but may not do this (403); the detail is worded in the reader's language. */
public class AccessDenied extends RuntimeException {

    private final Text detail;

    public AccessDenied(Text detail) {
        super(detail.toString());
        this.detail = detail;
    }

    /** Words that are no message code yet; only for the import package, until it moves its texts into its bundle. */
    @Deprecated
    public AccessDenied(String words) {
        this(Text.literal(words));
    }

    public Text detail() {
        return detail;
    }
}
