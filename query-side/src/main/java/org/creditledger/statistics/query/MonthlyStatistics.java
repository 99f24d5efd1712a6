package org.creditledger.statistics.query;

import org.creditledger.catalogue.api.ListColour;
import org.creditledger.catalogue.api.MeasureKind;
import org.creditledger.check.api.Verdict;
import org.creditledger.listing.api.ExitReason;

import java.util.List;
import java.util.Map;

/**
 * A month's figures (每月信用动态, 月通报): city-wide and per unit, counted by record time in Asia/Shanghai. Exported,
 * it is one row per unit, each row starting with the month and the city-wide figures. Every code of every split is
 * present, with 0 where nothing was counted.
 *
 * <p>The share of black-listed enterprises among registered subjects (seed 004) is not here: the ledger does not hold
 * the number of registered market subjects.
 *
 * @param year  the calendar year
 * @param month 1–12
 * @param city  the figures of the list authorities, which belong to no unit
 * @param units one row per registered unit (only the asked unit when {@code unitId} is given), ordered by unit id
 */
public record MonthlyStatistics(int year, int month, CityWide city, List<UnitMonth> units) {

    /**
     * @param entries          list entries made (列入), all colours
     * @param entriesByColour  entries per list colour (red list, black list)
     * @param exits            exits (移出), all reasons
     * @param exitsByReason    exits per reason
     * @param objectionsFiled  objections filed (异议申请)
     * @param objectionsUpheld objections upheld (有效异议)
     * @param repairsApplied   repair applications (信用修复申请)
     * @param repairsApproved  repairs approved
     */
    public record CityWide(long entries, Map<ListColour, Long> entriesByColour, long exits,
                           Map<ExitReason, Long> exitsByReason, long objectionsFiled, long objectionsUpheld,
                           long repairsApplied, long repairsApproved) {
    }

    /**
     * @param lettersPosted     commitment letters posted (信用承诺书)
     * @param lettersFulfilled  fulfilments recorded (履约)
     * @param lettersBreached   breaches recorded (违约)
     * @param lettersOverdue    letters whose due date passed with no outcome in the month
     * @param jointActions      joint reward and punishment cases recorded (联合奖惩案例)
     * @param jointActionsByKind cases per measure kind
     * @param checks            counter checks by the unit's COUNTER keys (核查)
     * @param checksByVerdict   checks per verdict
     */
    public record UnitMonth(String unitId, String unitName, long lettersPosted, long lettersFulfilled,
                            long lettersBreached, long lettersOverdue, long jointActions,
                            Map<MeasureKind, Long> jointActionsByKind, long checks, Map<Verdict, Long> checksByVerdict) {
    }
}
