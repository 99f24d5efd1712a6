package org.creditledger.publicdecision.command;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.creditledger.publicdecision.api.DayCounting;
import org.creditledger.publicdecision.api.DecisionKind;
import org.creditledger.publicdecision.api.PublicationLimit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long a unit has to publish a decision (双公示, {@code ledger.public-decision.*}), per kind. The seeds disagree:
 * 000, 003 and 004 say 7 working days (the default), 002 (广汉) says 7 days; a deployment for 广汉 sets
 * {@code …-counting=CALENDAR_DAYS}. Working days follow the holiday calendar ({@code ledger.calendar.*}).
 *
 * @param licensingDays     days a licensing decision (行政许可) may wait for publication, not counting the decision day
 * @param licensingCounting whether {@code licensingDays} are {@code WORKING_DAYS} or {@code CALENDAR_DAYS}
 * @param penaltyDays       days a penalty decision (行政处罚) may wait for publication, not counting the decision day
 * @param penaltyCounting   whether {@code penaltyDays} are {@code WORKING_DAYS} or {@code CALENDAR_DAYS}
 */
@Validated
@ConfigurationProperties("ledger.public-decision")
record PublicDecisionProperties(
        @DefaultValue("" + PublicationLimit.DEFAULT_DAYS) @Min(0) @Max(366) int licensingDays,
        @DefaultValue("WORKING_DAYS") @NotNull DayCounting licensingCounting,
        @DefaultValue("" + PublicationLimit.DEFAULT_DAYS) @Min(0) @Max(366) int penaltyDays,
        @DefaultValue("WORKING_DAYS") @NotNull DayCounting penaltyCounting) {

    PublicationLimit limit(DecisionKind kind) {
        return switch (kind) {
            case LICENSING -> new PublicationLimit(licensingCounting, licensingDays);
            case PENALTY -> new PublicationLimit(penaltyCounting, penaltyDays);
        };
    }
}
