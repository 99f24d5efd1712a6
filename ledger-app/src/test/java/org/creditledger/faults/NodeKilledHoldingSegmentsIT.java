package org.creditledger.faults;

import org.creditledger.subject.SubjectCodes;
import org.creditledger.testing.Api;
import org.creditledger.testing.LedgerProcess;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault 6: two nodes on one database; the one holding every processor segment is killed with {@code kill -9}. Its
 * claims are not released, so the other node takes the segments over once they are older than the claim timeout
 * ({@code axon.eventhandling.tokenstore.claim-timeout}, 10 s) at its next claim attempt (every 5 s): within 15 s,
 * checked here with a margin for a busy machine. Meanwhile its reads wait for the read models, answering 503 rather
 * than a stale 404, and afterwards every acknowledged letter is read back, from the survivor.
 */
class NodeKilledHoldingSegmentsIT extends FaultFixture {

    static final Duration TAKEOVER = Duration.ofSeconds(15);
    static final Duration MARGIN = Duration.ofSeconds(10);

    @Test
    void theSurvivorTakesOverTheSegmentsOfAKilledNodeAndReadsStayCorrect() {
        LedgerProcess holder = node("holder");
        Api first = holder.admin();
        createUnit(first);
        await().atMost(Duration.ofSeconds(60)).until(() -> heldBy(holder));
        LedgerProcess survivor = node("survivor");
        Api second = survivor.admin();
        int segments = owners().size();
        assertThat(heldBy(holder)).as("the first node holds every segment").isTrue();

        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            acknowledged.add(post(i % 2 == 0 ? first : second, 800_000 + i));
        }
        for (String id : acknowledged) {
            assertThat(readBack(second, id)).as("read through the node without segments").isEqualTo(200);
        }

        holder.kill9();
        long killedAt = System.nanoTime();
        List<Integer> readStatuses = new ArrayList<>();
        for (int i = 10; i < 20; i++) {
            String id = post(second, 800_000 + i);
            acknowledged.add(id);
            readStatuses.add(second.get("/api/v1/commitments/" + id).status());
        }
        await().atMost(TAKEOVER.plus(MARGIN)).pollInterval(Duration.ofMillis(100))
                .until(() -> owners().size() == segments && heldBy(survivor));
        long takeover = (System.nanoTime() - killedAt) / 1_000_000;

        assertThat(readStatuses).as("a read waits for the read model: 200, or 503 while no node processes; never a stale 404")
                .allMatch(status -> status == 200 || status == 503);
        for (String id : acknowledged) {
            assertThat(readBack(second, id)).as("acknowledged letter " + id).isEqualTo(200);
        }
        assertThat(events("CommitmentPostedEvent")).as("every acknowledged letter, once").isEqualTo(acknowledged.size());
        assertUnitStored();
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.sql(
                        "select coalesce(sum(letters), 0) from quota_day where unit_id = ? and extract(year from day) = ?")
                .params(UNIT, year).query(Long.class).single() == acknowledged.size());
        System.out.printf("segments (%d) taken over %d ms after the kill; reads meanwhile: %s%n", segments, takeover, readStatuses);
    }

    String post(Api api, int subject) {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        Api.Response posted = api.post("/api/v1/commitments", Map.of("unitId", UNIT, "type", "OTHER",
                "subject", Map.of("kind", "LEGAL_PERSON", "code", SubjectCodes.usccFor(subject, false), "name", "广元市某某商贸有限公司"),
                "matter", "食品经营许可", "content", "承诺所提交材料真实有效", "signedOn", today));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        return posted.json().path("commitmentId").asText();
    }

    /** The owner of every segment of every processor; "" for an unclaimed one. */
    List<String> owners() {
        return jdbc.sql("select coalesce(owner, '') from token_entry").query(String.class).list();
    }

    /** Every segment is claimed by the node (Axon's owner id: the JVM's {@code pid@host}, then a suffix). */
    boolean heldBy(LedgerProcess node) {
        List<String> owners = owners();
        return !owners.isEmpty() && owners.stream().allMatch(owner -> owner.startsWith(node.process().pid() + "@"));
    }

    /** The status of reading the letter once the read model can answer (503 until then). */
    static int readBack(Api api, String commitmentId) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/v1/commitments/" + commitmentId).status(), status -> status != 503);
    }
}
