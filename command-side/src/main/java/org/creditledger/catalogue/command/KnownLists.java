package org.creditledger.catalogue.command;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.creditledger.catalogue.api.CatalogueMessages.ListDefinedEvent;
import org.creditledger.catalogue.api.ListCode;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Command-side lookup table of defined lists ({@code known_list}), written by a subscribing processor in the
 * transaction that stores {@link ListDefinedEvent}. Measures (and later list entries) check their list codes here,
 * never on the read side. List definitions are never deleted, so positive answers are cached.
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

    @EventHandler
    void on(ListDefinedEvent event) {
        jdbc.sql("insert into known_list (list_code) values (?) on conflict do nothing").param(event.listCode().value()).update();
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
