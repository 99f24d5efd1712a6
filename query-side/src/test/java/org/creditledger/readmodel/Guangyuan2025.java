package org.creditledger.readmodel;

import org.creditledger.unit.api.QuotaCounting;
import org.creditledger.unit.api.UnitKind;

/**
 * Rows copied from {@code shared/reference/guangyuan-2025-commitment-targets.csv} (seed 000,
 * 《广元市2025年社会信用体系建设重点工作清单》): the units the tests use, with their real 2025 targets.
 */
public enum Guangyuan2025 {
    MARKET_REGULATION("gy-market-regulation", "市市场监管局", UnitKind.MUNICIPAL_DEPARTMENT, 5000, QuotaCounting.EACH, true),
    EDUCATION("gy-education", "市教育局", UnitKind.MUNICIPAL_DEPARTMENT, 50, QuotaCounting.COMBINED, true),
    CIVIL_DEFENCE("gy-civil-defence", "市国动办", UnitKind.MUNICIPAL_DEPARTMENT, 50, QuotaCounting.EACH, true),
    METEOROLOGY("gy-meteorology", "市气象局", UnitKind.CENTRAL_AGENCY_BRANCH, 15, QuotaCounting.COMBINED, false),
    CANGXI("gy-cangxi", "苍溪县", UnitKind.COUNTY, 20000, QuotaCounting.EACH, true);

    private final String unitId;
    private final String unitName;
    private final UnitKind kind;
    private final int annualTarget;
    private final QuotaCounting counting;
    private final boolean quarterlyRule;

    Guangyuan2025(String unitId, String unitName, UnitKind kind, int annualTarget, QuotaCounting counting, boolean quarterlyRule) {
        this.unitId = unitId;
        this.unitName = unitName;
        this.kind = kind;
        this.annualTarget = annualTarget;
        this.counting = counting;
        this.quarterlyRule = quarterlyRule;
    }

    public String unitId() {
        return unitId;
    }

    public String unitName() {
        return unitName;
    }

    public UnitKind kind() {
        return kind;
    }

    public int year() {
        return 2025;
    }

    public int annualTarget() {
        return annualTarget;
    }

    public QuotaCounting counting() {
        return counting;
    }

    public boolean quarterlyRule() {
        return quarterlyRule;
    }
}
