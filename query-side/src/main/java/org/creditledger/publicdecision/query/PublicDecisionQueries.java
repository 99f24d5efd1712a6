package org.creditledger.publicdecision.query;

import org.creditledger.publicdecision.api.DecisionKind;
import org.creditledger.publicdecision.api.PublicationChannel;
import org.creditledger.subject.SubjectKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Reads {@code public_decision}: a unit's figures for a period, and the feed of published decisions. */
@Component
class PublicDecisionQueries {

    private final JdbcClient jdbc;

    PublicDecisionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The unit's figures for decisions made in {@code month} of {@code year}, or in the whole year when month is null. */
    PublicDecisionStats stats(String unitId, int year, Integer month) {
        LocalDate from = month == null ? LocalDate.of(year, 1, 1) : LocalDate.of(year, month, 1);
        LocalDate until = month == null ? from.plusYears(1) : from.plusMonths(1);
        return jdbc.sql("""
                        select count(*) as decisions,
                            count(*) filter (where published_on is not null) as published,
                            count(*) filter (where on_time) as on_time,
                            count(*) filter (where not on_time) as late,
                            count(*) filter (where published_on is null and overdue_since is not null) as overdue,
                            count(*) filter (where defects = '') as compliant
                        from public_decision
                        where unit_id = :unit and decided_on >= :from and decided_on < :until""")
                .param("unit", unitId)
                .param("from", from)
                .param("until", until)
                .query((rs, n) -> {
                    long decisions = rs.getLong("decisions");
                    long published = rs.getLong("published");
                    long onTime = rs.getLong("on_time");
                    long compliant = rs.getLong("compliant");
                    return new PublicDecisionStats(unitId, year, month, decisions, published, onTime, rs.getLong("late"),
                            decisions - published, rs.getLong("overdue"), compliant, share(published, decisions),
                            share(onTime, published), share(compliant, decisions));
                })
                .single();
    }

    /** Up to {@code size} published decisions after {@code since}, in position order. */
    DecisionFeed feed(long since, int size) {
        List<DecisionFeed.Item> rows = jdbc.sql("""
                        select * from public_decision
                        where published_position > :since
                        order by published_position
                        limit :limit""")
                .param("since", since)
                .param("limit", size + 1)
                .query(PublicDecisionQueries::item)
                .list();
        boolean more = rows.size() > size;
        List<DecisionFeed.Item> items = more ? rows.subList(0, size) : rows;
        long next = items.isEmpty() ? since : items.get(items.size() - 1).position();
        return new DecisionFeed(items, since, next, more);
    }

    private static DecisionFeed.Item item(ResultSet rs, int n) throws SQLException {
        SubjectKind subjectKind = SubjectKind.valueOf(rs.getString("subject_kind"));
        String code = rs.getString("subject_code");
        boolean person = subjectKind == SubjectKind.NATURAL_PERSON;
        return new DecisionFeed.Item(rs.getLong("published_position"), rs.getObject("decision_id", UUID.class),
                DecisionKind.valueOf(rs.getString("kind")), rs.getString("subject_name"), subjectKind,
                person ? null : code, person ? masked(code) : null, rs.getString("decision_no"),
                date(rs, "decided_on"), date(rs, "valid_from"), date(rs, "valid_until"), rs.getString("content"),
                rs.getString("unit_id"), date(rs, "published_on"), PublicationChannel.valueOf(rs.getString("channel")),
                rs.getBoolean("on_time"));
    }

    /** As published: a resident id's birth date and sequence hidden (a wrong-length number shows its region only). */
    static String masked(String code) {
        return code.length() == 18 ? code.substring(0, 6) + "********" + code.substring(14)
                : code.substring(0, Math.min(6, code.length())) + "********";
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
