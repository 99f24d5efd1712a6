package org.creditledger.check.query;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Period;

/**
 * Settings of commitments as a counter check sees them ({@code ledger.commitment.*}).
 *
 * @param breachWindow how far back a check looks for the subject's broken commitments (违约), by the date each breach
 *                     occurred: a breach on day B counts while the checked day is before B + window (3 years: until
 *                     the day before the third anniversary), 国办发〔2020〕42号 and seed 002 §一
 */
@Validated
@ConfigurationProperties("ledger.commitment")
record CommitmentSettings(@DefaultValue("P3Y") @NotNull Period breachWindow) {

    CommitmentSettings {
        if (breachWindow.isNegative() || breachWindow.isZero()) {
            throw new IllegalArgumentException("ledger.commitment.breach-window must be a positive period, was " + breachWindow);
        }
    }
}
