package org.creditledger.platform.access;

/** The caller is known but may not do this (403). */
public class AccessDenied extends RuntimeException {
    public AccessDenied(String message) {
        super(message);
    }
}
