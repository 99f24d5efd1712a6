package org.creditledger.listing.api;

import org.creditledger.subject.ResidentId;

/**
 * A natural person a listing decision names beside the subject (seed 002 §四, §十一): the legal person's 法定代表人 or
 * one of its 主要负责人 / 直接责任人. With a {@code code} (居民身份证号, validated and normalised as a
 * {@link ResidentId}) the person is a subject of its own: a check on that number finds the entry. Entries stored
 * before persons carried a code name them by {@code name} alone.
 *
 * @param name the person's name as the decision writes it
 * @param code the person's 身份证 number, or null when the decision gives none
 * @param role the role the decision gives (主要负责人, 直接责任人 …), or null
 * @throws org.creditledger.subject.InvalidSubjectCode if {@code code} is not a valid 身份证 number
 */
public record NamedPerson(String name, String code, String role) {

    public NamedPerson {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a named person needs a name");
        }
        name = name.strip();
        code = code == null || code.isBlank() ? null : new ResidentId(code).value();
        role = role == null || role.isBlank() ? null : role.strip();
    }

    /** A person named without number or role, as entries stored before issue 12 name them. */
    public static NamedPerson named(String name) {
        return new NamedPerson(name, null, null);
    }

    /** The number safe to show a COUNTER: first 6 + {@code ********} + last 4, or null without a number. */
    public String maskedCode() {
        return code == null ? null : new ResidentId(code).masked();
    }

    @Override
    public String toString() {
        return "NamedPerson[name=" + name + ", code=" + maskedCode() + ", role=" + role + "]";
    }
}
