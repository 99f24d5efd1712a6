package org.creditledger.unit.query;

import org.creditledger.unit.api.QuotaCounting;
import org.creditledger.unit.api.UnitKind;

import java.math.BigDecimal;
import java.util.List;

/**
 * An assessed unit (考核单位) as the read side knows it, with its yearly targets (年度目标任务) in year order, and the
 * unit it belongs to ({@code parentUnitId}, e.g. a county for its department; null for none).
 * {@code quarterlyRule}: 每季度完成量不低于全年目标任务的1/4. {@code includeSubUnits}: the letters and records of every
 * unit below count towards the target. {@code ratioOfExisting} and {@code existingEnterprises}: set when the target
 * was given as a share of the existing enterprises (annualTarget = ⌈ratio × N⌉).
 */
public record UnitView(String unitId, String name, UnitKind kind, List<Target> targets, String parentUnitId) {

    public record Target(int year, int annualTarget, QuotaCounting counting, boolean quarterlyRule, boolean includeSubUnits,
                         BigDecimal ratioOfExisting, Integer existingEnterprises) {
    }
}
