package org.creditledger.platform.access;

/** No valid API key came with the request (401). */
public class NotAuthenticated extends RuntimeException {
    public NotAuthenticated() {
        super("Send a valid API key in the X-Api-Key header.");
    }
}
