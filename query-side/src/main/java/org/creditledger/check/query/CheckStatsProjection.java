package org.creditledger.check.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.creditledger.check.api.CheckMessages.SubjectCheckedEvent;
import org.creditledger.readmodel.rebuild.RebuildableProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Counts recorded checks per counter unit, domain, day (Asia/Shanghai) and verdict ({@code check_count}): the figures
 * a unit shows to prove its list lookups are embedded in its service workflow.
 */
@Component
@ProcessingGroup(CheckStatsProjection.PROCESSING_GROUP)
class CheckStatsProjection {

    static final String PROCESSING_GROUP = "check-stats";

    /** The tables a rebuild replaces. Declaring them also gives the group the read models' tracking processor. */
    @Bean
    static RebuildableProjection checkCountTables() {
        return RebuildableProjection.of(PROCESSING_GROUP, "check_count");
    }

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    CheckStatsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SubjectCheckedEvent event) {
        jdbc.sql("""
                        insert into check_count (counter_unit, domain, day, verdict, checks) values (?, ?, ?, ?, 1)
                        on conflict (counter_unit, domain, day, verdict) do update set checks = check_count.checks + 1""")
                .params(event.counterUnit() == null ? "" : event.counterUnit(), event.domain().name(),
                        LocalDate.ofInstant(event.checkedAt(), SHANGHAI), event.verdict().name())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from check_count").update();
    }
}
