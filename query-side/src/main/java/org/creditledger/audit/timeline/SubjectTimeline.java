package org.creditledger.audit.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditledger.readmodel.ProjectionCatchUp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code subject_timeline}: a subject's events in global order, filtered and paged, or just their global indexes. */
@Component
public class SubjectTimeline {

    private static final TypeReference<Map<String, JsonNode>> FIELDS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, LocalDate>> DATES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ProjectionCatchUp catchUp;

    SubjectTimeline(JdbcClient jdbc, ObjectMapper json, ProjectionCatchUp catchUp) {
        this.jdbc = jdbc;
        this.json = json;
        this.catchUp = catchUp;
    }

    /**
     * The global indexes of every event about {@code subjectCode} (normalised, e.g. by {@code SubjectCode}), ascending:
     * what a dispute package is made from. Waits for the timeline to reach the events stored when called. Answered
     * from the primary key alone.
     */
    public List<Long> globalIndexesAbout(String subjectCode) {
        catchUp.await(SubjectTimelineProjection.PROCESSING_GROUP);
        return jdbc.sql("select global_index from subject_timeline where subject_code = ? order by global_index")
                .param(subjectCode).query(Long.class).list();
    }

    /**
     * Events about {@code subjectCode} recorded in {@code [from, to)} (either bound may be null) of the given kinds,
     * page {@code page} (from 0) of {@code size} in global order. The caller has waited for the timeline to catch up.
     */
    TimelinePage page(String subjectCode, Instant from, Instant to, Set<TimelineKind> kinds, int page, int size) {
        String[] kindNames = kinds.stream().map(Enum::name).toArray(String[]::new);
        String filter = """
                where subject_code = :subject
                  and (cast(:from as timestamptz) is null or recorded_at >= :from)
                  and (cast(:to as timestamptz) is null or recorded_at < :to)
                  and kind = any(:kinds)""";
        long total = jdbc.sql("select count(*) from subject_timeline " + filter)
                .param("subject", subjectCode).param("from", utc(from)).param("to", utc(to)).param("kinds", kindNames)
                .query(Long.class).single();
        List<TimelineItem> items = jdbc.sql("select * from subject_timeline " + filter
                        + " order by global_index limit :limit offset :offset")
                .param("subject", subjectCode).param("from", utc(from)).param("to", utc(to)).param("kinds", kindNames)
                .param("limit", size).param("offset", (long) page * size)
                .query(this::item).list();
        return new TimelinePage(subjectCode, page, size, total, items);
    }

    private TimelineItem item(ResultSet rs, int row) throws SQLException {
        return new TimelineItem(rs.getLong("global_index"), rs.getString("event_identifier"),
                rs.getString("aggregate_identifier"), rs.getObject("sequence_number", Long.class),
                TimelineKind.valueOf(rs.getString("kind")), rs.getString("type"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                read(rs.getString("business_dates"), DATES),
                rs.getString("principal"), rs.getString("principal_name"), rs.getString("role"), rs.getString("unit"),
                rs.getString("authority"), rs.getString("correlation_id"), rs.getString("client_request_id"),
                rs.getString("request"), read(rs.getString("summary"), FIELDS));
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable subject_timeline row", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
