package org.creditledger.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the benchmark's CPU split names what it measures: thread groups of the JVM, kinds of PostgreSQL process. */
class CpuSplitTest {

    @Test
    void postgresProcessTitlesAreGroupedByKind() {
        assertThat(CpuSplit.kind("ledger ledger 127.0.0.1(43122) idle")).isEqualTo("backends");
        assertThat(CpuSplit.kind("ledger ledger 127.0.0.1(43122) INSERT")).isEqualTo("backends");
        assertThat(CpuSplit.kind("postgres postgres [local] idle")).isEqualTo("backends");
        assertThat(CpuSplit.kind("autovacuum worker ledger")).isEqualTo("autovacuum worker");
        assertThat(CpuSplit.kind("autovacuum launcher")).isEqualTo("autovacuum launcher");
        assertThat(CpuSplit.kind("walwriter")).isEqualTo("walwriter");
        assertThat(CpuSplit.kind("logical replication launcher")).isEqualTo("logical replication launcher");
    }

    @Test
    void threadsAreGroupedByNameWithoutNumbers() {
        assertThat(CpuSplit.group("http-nio-8080-exec-7")).isEqualTo("requests");
        assertThat(CpuSplit.group("EventProcessor[timeline]-0")).isEqualTo("EventProcessor[timeline]");
        assertThat(CpuSplit.group("check-recorder")).isEqualTo("check-recorder");
    }
}
