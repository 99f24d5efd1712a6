package org.creditledger.quota.query;

import org.creditledger.unit.api.QuotaCounting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A unit's progress on its yearly quota (年度目标任务, seed 000) as of the end of day {@code asOf} (Asia/Shanghai):
 * commitment letters (信用承诺书) posted and fulfilment records (履约践诺信息) recorded in year {@code year} up to
 * that day, counted by ledger record date.
 *
 * <ul>
 *   <li>{@code annualMet}: {@code EACH} (各不少于 T 份) letters ≥ T and records ≥ T; {@code COMBINED} (不少于 T 份)
 *       letters + records ≥ T.</li>
 *   <li>Quarterly rule (每季度完成量不低于全年目标任务的1/4): each quarter's own amount must reach
 *       {@code required} = ⌈T / 4⌉, the least amount with 4 × amount ≥ T (for {@code EACH} letters and records
 *       separately, for {@code COMBINED} their sum). Without the rule, {@code required} and {@code met} are absent.</li>
 *   <li>{@code onTrack}: with k the number of quarters of the year that ended on or before {@code asOf} (0 to 4),
 *       the cumulative figures through the end of quarter k reach the pro-rata target ⌈T × k / 4⌉, counted like
 *       {@code annualMet}. Before the first quarter ends, k = 0 and the unit is on track. Counts of the quarter
 *       still running do not matter for it.</li>
 *   <li>Roll-up (issue 15 §3): {@code letters}, {@code records} and each quarter's amounts are the unit's own; the
 *       {@code rolledUp…} figures beside them add every unit below it, at every level ({@code subUnits} of them; a
 *       county with its departments and theirs). A target with {@code includeSubUnits} is judged on the rolled-up
 *       figures ({@code annualMet}, {@code onTrack}, each quarter's {@code met}), any other on the unit's own.</li>
 *   <li>{@code ratioOfExisting} and {@code existingEnterprises}: the target given as a share of the existing
 *       enterprises (seed 000: 不低于辖区存续企业的50%); {@code annualTarget} = ⌈ratio × N⌉. Absent for a number.</li>
 *   <li>{@code fulfilled} and {@code breached}: the year's records by their current outcome (履约 / 违约), a
 *       corrected outcome counting as corrected; together they are {@code records}.</li>
 * </ul>
 */
public record QuotaView(String unitId, String unitName, int year, int annualTarget, QuotaCounting counting,
                        boolean quarterlyRule, long letters, long records, boolean annualMet, boolean onTrack,
                        List<Quarter> quarters, LocalDate asOf, String parentUnitId, boolean includeSubUnits,
                        BigDecimal ratioOfExisting, Integer existingEnterprises, int subUnits, long rolledUpLetters,
                        long rolledUpRecords, long fulfilled, long breached) {

    /**
     * One calendar quarter: its own amounts, the quarterly requirement and whether it was met (absent without a
     * quarterly rule), the amounts since the start of the year through this quarter, and where {@code asOf} falls.
     */
    public record Quarter(int quarter, long letters, long records, Integer required, Boolean met,
                          long cumulativeLetters, long cumulativeRecords, QuarterStatus status, long rolledUpLetters,
                          long rolledUpRecords) {
    }

    public enum QuarterStatus {
        /** The quarter's last day is on or before {@code asOf}. */
        ENDED,
        /** {@code asOf} falls inside the quarter, before its last day. */
        CURRENT,
        NOT_STARTED
    }

    /** A unit's target for the year, with the unit's name and parent. */
    record Target(String unitId, String unitName, int year, int annualTarget, QuotaCounting counting, boolean quarterlyRule,
                  boolean includeSubUnits, BigDecimal ratioOfExisting, Integer existingEnterprises, String parentUnitId) {
    }

    /**
     * Letters ({@code letters[0]} is the first quarter) and records recorded in each quarter up to {@code asOf}, and of
     * the records those now fulfilled and breached.
     */
    record Amounts(long[] letters, long[] records, long[] fulfilled, long[] breached) {

        static Amounts none() {
            return new Amounts(new long[4], new long[4], new long[4], new long[4]);
        }

        Amounts plus(Amounts other) {
            long[] l = letters.clone();
            long[] r = records.clone();
            long[] f = fulfilled.clone();
            long[] b = breached.clone();
            for (int q = 0; q < 4; q++) {
                l[q] += other.letters[q];
                r[q] += other.records[q];
                f[q] += other.fulfilled[q];
                b[q] += other.breached[q];
            }
            return new Amounts(l, r, f, b);
        }
    }

    /**
     * Works out the view from the target, the unit's own amounts and the amounts of the unit with the
     * {@code subUnits} units below it.
     */
    static QuotaView of(Target target, Amounts own, Amounts rolledUp, int subUnits, LocalDate asOf) {
        Amounts counted = target.includeSubUnits() ? rolledUp : own;
        long[] letters = counted.letters();
        long[] records = counted.records();
        int annual = target.annualTarget();
        Integer required = target.quarterlyRule() ? ceilDiv(annual, 4) : null;
        List<Quarter> quarters = new ArrayList<>(4);
        long cumulativeLetters = 0;
        long cumulativeRecords = 0;
        int ended = 0;
        long lettersAtLastEnd = 0;
        long recordsAtLastEnd = 0;
        for (int q = 1; q <= 4; q++) {
            LocalDate first = LocalDate.of(target.year(), 3 * q - 2, 1);
            LocalDate last = first.plusMonths(3).minusDays(1);
            QuarterStatus status = !last.isAfter(asOf) ? QuarterStatus.ENDED
                    : !first.isAfter(asOf) ? QuarterStatus.CURRENT : QuarterStatus.NOT_STARTED;
            long l = letters[q - 1];
            long r = records[q - 1];
            cumulativeLetters += l;
            cumulativeRecords += r;
            if (status == QuarterStatus.ENDED) {
                ended = q;
                lettersAtLastEnd = cumulativeLetters;
                recordsAtLastEnd = cumulativeRecords;
            }
            Boolean met = required == null ? null : reaches(target.counting(), l, r, required);
            quarters.add(new Quarter(q, own.letters()[q - 1], own.records()[q - 1], required, met,
                    cumulative(own.letters(), q), cumulative(own.records(), q), status,
                    rolledUp.letters()[q - 1], rolledUp.records()[q - 1]));
        }
        boolean annualMet = reaches(target.counting(), cumulativeLetters, cumulativeRecords, annual);
        boolean onTrack = reaches(target.counting(), lettersAtLastEnd, recordsAtLastEnd, ceilDiv((long) annual * ended, 4));
        return new QuotaView(target.unitId(), target.unitName(), target.year(), annual, target.counting(),
                target.quarterlyRule(), cumulative(own.letters(), 4), cumulative(own.records(), 4), annualMet, onTrack,
                List.copyOf(quarters), asOf, target.parentUnitId(), target.includeSubUnits(), target.ratioOfExisting(),
                target.existingEnterprises(), subUnits, cumulative(rolledUp.letters(), 4), cumulative(rolledUp.records(), 4),
                cumulative(own.fulfilled(), 4), cumulative(own.breached(), 4));
    }

    /** The amounts of quarters 1 to {@code through}. */
    private static long cumulative(long[] amounts, int through) {
        long sum = 0;
        for (int q = 0; q < through; q++) {
            sum += amounts[q];
        }
        return sum;
    }

    private static boolean reaches(QuotaCounting counting, long letters, long records, long amount) {
        return switch (counting) {
            case EACH -> letters >= amount && records >= amount;
            case COMBINED -> letters + records >= amount;
        };
    }

    /** ⌈a / b⌉ for a ≥ 0, b > 0 (Math.ceilDiv needs Java 18). */
    private static int ceilDiv(long a, long b) {
        return Math.toIntExact((a + b - 1) / b);
    }
}
