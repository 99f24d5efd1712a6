package org.creditledger.catalogue.command;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.creditledger.catalogue.api.CatalogueMessages.ListDefinedEvent;
import org.creditledger.catalogue.api.CatalogueMessages.ListDefinitionChangedEvent;
import org.creditledger.catalogue.api.ListCode;
import org.creditledger.catalogue.api.ListColour;
import org.creditledger.catalogue.api.MeasureKind;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Command-side lookup table of defined lists ({@code known_list}), written by a subscribing processor in the
 * transaction that stores {@link ListDefinedEvent}. Measures and list entries check their list codes here, never on
 * the read side. List definitions are never deleted, so positive answers of {@link #exists} are cached; the
 * {@linkplain #facts facts} a list entry needs change with the list, so they are read fresh each time.
 */
@Component
@ProcessingGroup(KnownLists.PROCESSING_GROUP)
public class KnownLists {

    static final String PROCESSING_GROUP = "known-lists";

    private final JdbcClient jdbc;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    KnownLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What entering a subject on a list needs to know about the list, as the catalogue now defines it. {@code colour}
     * is null for a list defined before V2_9 and unchanged since.
     */
    public record ListFacts(ListCode listCode, String authority, int periodMonths, boolean earlyRepairAllowed,
                            int minMonthsBeforeRepair, ListColour colour, boolean revokedOnBlackListing) {
    }

    @EventHandler
    void on(ListDefinedEvent event) {
        saveColour(event.listCode(), event.colour(), event.revokedOnBlackListing());
        save(new ListFacts(event.listCode(), event.authority(), event.periodMonths(), event.earlyRepairAllowed(),
                event.minMonthsBeforeRepair(), event.colour(), event.revokedOnBlackListing()));
    }

    @EventHandler
    void on(ListDefinitionChangedEvent event) {
        saveColour(event.listCode(), event.colour(), event.revokedOnBlackListing());
        save(new ListFacts(event.listCode(), event.authority(), event.periodMonths(), event.earlyRepairAllowed(),
                event.minMonthsBeforeRepair(), event.colour(), event.revokedOnBlackListing()));
    }

    private void save(ListFacts facts) {
        jdbc.sql("""
                        insert into known_list (list_code, authority, period_months, early_repair_allowed, min_months_before_repair)
                        values (:code, :authority, :period, :early, :minMonths)
                        on conflict (list_code) do update set authority = excluded.authority,
                            period_months = excluded.period_months, early_repair_allowed = excluded.early_repair_allowed,
                            min_months_before_repair = excluded.min_months_before_repair""")
                .param("code", facts.listCode().value())
                .param("authority", facts.authority())
                .param("period", facts.periodMonths())
                .param("early", facts.earlyRepairAllowed())
                .param("minMonths", facts.minMonthsBeforeRepair())
                .update();
    }

    private void saveColour(ListCode listCode, ListColour colour, boolean revokedOnBlackListing) {
        jdbc.sql("""
                        insert into known_list (list_code, colour, revoked_on_black_listing) values (:code, :colour, :revoked)
                        on conflict (list_code) do update set colour = excluded.colour,
                            revoked_on_black_listing = excluded.revoked_on_black_listing""")
                .param("code", listCode.value())
                .param("colour", colour == null ? null : colour.name())
                .param("revoked", revokedOnBlackListing)
                .update();
    }

    /**
     * @throws MeasureInconsistentWithList (422, field {@code listCodes}) naming every list whose colour does not fit
     *         the measure's kind: a {@code PUNISHMENT} names BLACK lists only, an {@code INCENTIVE} RED lists only.
     *         Lists whose colour is not known (defined before V2_9 and unchanged since) are not judged.
     */
    public void requireConsistent(MeasureKind kind, Collection<ListCode> listCodes, String field) {
        ListColour wanted = kind == MeasureKind.PUNISHMENT ? ListColour.BLACK : ListColour.RED;
        List<String> wrong = new java.util.ArrayList<>();
        for (ListCode code : listCodes) {
            jdbc.sql("select colour from known_list where list_code = ? and colour is not null").param(code.value())
                    .query(String.class).optional()
                    .filter(colour -> !colour.equals(wanted.name()))
                    .ifPresent(colour -> wrong.add(code.value() + " is " + colour));
        }
        if (!wrong.isEmpty()) {
            throw new MeasureInconsistentWithList(kind, wanted, wrong, field);
        }
    }

    /** A measure's kind does not fit the colour of a list it names (惩戒措施 apply to 黑名单, 激励措施 to 红名单). */
    public static class MeasureInconsistentWithList extends LedgerProblem {
        MeasureInconsistentWithList(MeasureKind kind, ListColour wanted, List<String> wrong, String field) {
            super(ProblemType.UNPROCESSABLE, "A " + kind + " measure applies to " + wanted + " lists only: " + wrong + ".",
                    wrong.stream().map(w -> new FieldProblem(field, "a " + kind + " measure cannot name a list that " + w)).toList());
        }
    }

    /** The list's current facts; empty when the list is unknown (or was defined before facts were kept, see V2_4). */
    public Optional<ListFacts> facts(ListCode listCode) {
        return jdbc.sql("""
                        select authority, period_months, early_repair_allowed, min_months_before_repair, colour,
                               revoked_on_black_listing
                        from known_list where list_code = ? and authority is not null""")
                .param(listCode.value())
                .query((rs, n) -> new ListFacts(listCode, rs.getString(1), rs.getInt(2), rs.getBoolean(3), rs.getInt(4),
                        rs.getString(5) == null ? null : ListColour.valueOf(rs.getString(5)), rs.getBoolean(6)))
                .optional();
    }

    public boolean exists(ListCode listCode) {
        if (seen.contains(listCode.value())) {
            return true;
        }
        boolean exists = jdbc.sql("select exists (select 1 from known_list where list_code = ?)").param(listCode.value())
                .query(Boolean.class).single();
        if (exists) {
            seen.add(listCode.value());
        }
        return exists;
    }

    /** @throws UnknownList (422, field {@code field}) when the list has no facts: never defined, or see {@link #facts} */
    public ListFacts requireFacts(ListCode listCode, String field) {
        return facts(listCode).orElseThrow(() -> new UnknownList(List.of(listCode), field));
    }

    /** @throws UnknownList (422, field {@code field}) naming every list code that was never defined */
    public void require(Collection<ListCode> listCodes, String field) {
        List<ListCode> unknown = listCodes.stream().filter(code -> !exists(code)).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownList(unknown, field);
        }
    }

    /** A write names a list that the catalogue does not define. */
    public static class UnknownList extends LedgerProblem {
        UnknownList(List<ListCode> listCodes, String field) {
            super(ProblemType.UNPROCESSABLE, "List " + listCodes + " is not in the catalogue; define it with PUT /api/v1/lists/{listCode} first.",
                    listCodes.stream().map(code -> new FieldProblem(field, "unknown list " + code)).toList());
        }
    }
}
