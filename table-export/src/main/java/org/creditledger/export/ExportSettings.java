package org.creditledger.export;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of exports ({@code ledger.export.*}).
 *
 * @param maxRows rows one exported file may hold: an export of a paged list holds every item that matches the filter
 *                (not one page), and a filter that matches more items than this is refused with 400 so the user
 *                narrows it. 1,048,575 data rows is Excel's own limit.
 */
@Validated
@ConfigurationProperties("ledger.export")
record ExportSettings(@DefaultValue("100000") @Min(1) @Max(1_048_575) int maxRows) {
}
