package org.creditledger.publicdecision.query;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * A unit's 双公示 figures for the decisions it made in a month (or a year), by decision date. Rates are shares from 0
 * to 1 with four decimals, null when there is nothing to divide by.
 *
 * @param decisions       decisions recorded (应公示)
 * @param published       of them, published (已公示)
 * @param onTime          published within the limit (按时公示)
 * @param late            published after the limit
 * @param unpublished     not published yet, whether or not the limit has passed
 * @param overdue         of the unpublished, those the ledger flagged after their limit ended
 * @param compliant       decisions with every required field valid (合规): subject code, decision number, dates in order
 * @param publicationRate 上报率: published ÷ decisions
 * @param timelinessRate  及时率: onTime ÷ published
 * @param complianceRate  合规率: compliant ÷ decisions
 */
public record PublicDecisionStats(String unitId, int year, Integer month, long decisions, long published, long onTime,
                                  long late, long unpublished, long overdue, long compliant,
                                  @Schema(description = "上报率: published ÷ decisions") BigDecimal publicationRate,
                                  @Schema(description = "及时率: onTime ÷ published") BigDecimal timelinessRate,
                                  @Schema(description = "合规率: compliant ÷ decisions") BigDecimal complianceRate) {
}
