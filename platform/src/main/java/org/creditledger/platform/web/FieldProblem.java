package org.creditledger.platform.web;

/** One invalid field of a request: {@code field} is its JSON path (e.g. {@code subject.code}). */
public record FieldProblem(String field, String message) {
}
