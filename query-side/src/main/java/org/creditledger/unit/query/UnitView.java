package org.creditledger.unit.query;

import org.creditledger.unit.api.QuotaCounting;
import org.creditledger.unit.api.UnitKind;

import java.util.List;

/**
 * An assessed unit (考核单位) as the read side knows it, with its yearly targets (年度目标任务) in year order.
 * {@code quarterlyRule}: 每季度完成量不低于全年目标任务的1/4.
 */
public record UnitView(String unitId, String name, UnitKind kind, List<Target> targets) {

    public record Target(int year, int annualTarget, QuotaCounting counting, boolean quarterlyRule) {
    }
}
