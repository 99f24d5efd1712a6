package org.creditledger.check.api;

/** What a counter check answers about a subject for one service domain. */
public enum Verdict {
    /** No measure of the domain applies: grant the service as usual. */
    CLEAR,
    /** At least one punishment measure (惩戒措施) of the domain applies; no incentive does. */
    RESTRICT,
    /** At least one incentive measure (激励措施) of the domain applies; no punishment does. */
    INCENTIVE,
    /** Both apply: the subject is on a black list and on a red list whose measures share the domain. */
    RESTRICT_AND_INCENTIVE;

    public static Verdict of(boolean punishment, boolean incentive) {
        if (punishment) {
            return incentive ? RESTRICT_AND_INCENTIVE : RESTRICT;
        }
        return incentive ? INCENTIVE : CLEAR;
    }
}
