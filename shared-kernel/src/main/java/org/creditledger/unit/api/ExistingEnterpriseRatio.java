package org.creditledger.unit.api;

import org.creditledger.text.api.InvalidValue;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A target given as a share of the existing enterprises (存续企业, 含个体工商户) of a county or district — seed 000
 * row 37: 各不少于辖区内存续企业数量的50%. The annual target is ⌈ratio × N⌉: the least whole number of letters that
 * is not below the share (0.5 × 40000 = 20000 for 苍溪县; 0.5 × 12345 = 6172.5 → 6173).
 *
 * @param ratio               greater than 0, at most 10, at most 4 decimal places (0.5 = 50%)
 * @param existingEnterprises at least 1
 */
public record ExistingEnterpriseRatio(BigDecimal ratio, int existingEnterprises) {

    /** The largest annual target a unit may have, whichever way it is given. */
    public static final int MAX_ANNUAL_TARGET = 10_000_000;

    private static final BigDecimal MAX_RATIO = BigDecimal.TEN;

    public ExistingEnterpriseRatio {
        if (ratio == null || ratio.signum() <= 0 || ratio.compareTo(MAX_RATIO) > 0 || ratio.stripTrailingZeros().scale() > 4) {
            throw new InvalidValue("unit.target.ratio.range");
        }
        if (existingEnterprises < 1) {
            throw new InvalidValue("unit.target.existing.range");
        }
        ratio = ratio.stripTrailingZeros();
        if (ratio.scale() < 0) {
            ratio = ratio.setScale(0);
        }
        BigDecimal target = ratio.multiply(BigDecimal.valueOf(existingEnterprises)).setScale(0, RoundingMode.CEILING);
        if (target.signum() <= 0 || target.compareTo(BigDecimal.valueOf(MAX_ANNUAL_TARGET)) > 0) {
            throw new InvalidValue("unit.target.ratio.too-large", MAX_ANNUAL_TARGET);
        }
    }

    /** ⌈ratio × existingEnterprises⌉. */
    public int annualTarget() {
        return ratio.multiply(BigDecimal.valueOf(existingEnterprises)).setScale(0, RoundingMode.CEILING).intValueExact();
    }
}
