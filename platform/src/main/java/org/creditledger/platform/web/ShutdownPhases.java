package org.creditledger.platform.web;

import org.springframework.context.SmartLifecycle;

/**
 * Where a background part of the ledger stops relative to HTTP. Spring stops the highest phase first: Spring Boot's
 * graceful shutdown of the web server ({@code DEFAULT_PHASE - 1024}) lets in-flight requests finish, then the web
 * server stops ({@code DEFAULT_PHASE - 2048}). A part that in-flight requests still use (the check recorder's writer)
 * must stop after both, so it takes {@link #AFTER_HTTP}; it also starts before the web server accepts requests.
 */
public final class ShutdownPhases {

    /** Stops after the web server has drained and stopped; starts before it. */
    public static final int AFTER_HTTP = SmartLifecycle.DEFAULT_PHASE - 4096;

    private ShutdownPhases() {
    }
}
