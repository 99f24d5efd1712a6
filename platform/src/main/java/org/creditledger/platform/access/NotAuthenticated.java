package org.creditledger.platform.access;

import org.creditledger.platform.i18n.Text;

/** No valid API key came with the request (401). */
public class NotAuthenticated extends RuntimeException {

    private static final Text DETAIL = Text.of("problem.unauthenticated.valid-key");

    public NotAuthenticated() {
        super(DETAIL.toString());
    }

    public Text detail() {
        return DETAIL;
    }
}
