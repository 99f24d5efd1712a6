package org.creditledger.listing.command;

import jakarta.validation.constraints.Min;
import org.creditledger.listing.api.ListEntryMessages.FileObjectionCommand;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of objections (异议, {@code ledger.objection.*}).
 *
 * @param workingDays working days an authority has to decide an objection, counted from the day it was filed with
 *                    the working-day calendar; an objection still open at the end of that day is flagged overdue
 */
@Validated
@ConfigurationProperties("ledger.objection")
public record ObjectionProperties(
        @DefaultValue("" + FileObjectionCommand.DEFAULT_WORKING_DAYS_TO_DECIDE) @Min(0) int workingDays) {
}
