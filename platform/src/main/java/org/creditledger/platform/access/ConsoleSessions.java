package org.creditledger.platform.access;

/** What the web console keeps in a signed-in person's server-side session. */
public final class ConsoleSessions {

    /**
     * The secret of the key the person signed in with: the console calls the API with it. It lives only in the
     * server's memory (sessions are not persisted) and is gone at sign-out or after the idle timeout.
     */
    public static final String API_KEY = "ledger.console.api-key";

    private ConsoleSessions() {
    }
}
