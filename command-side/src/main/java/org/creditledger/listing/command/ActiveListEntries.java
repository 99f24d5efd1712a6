package org.creditledger.listing.command;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.creditledger.listing.api.EntryId;
import org.creditledger.listing.api.ListEntryMessages.SubjectDelistedEvent;
import org.creditledger.listing.api.ListEntryMessages.SubjectListedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Command-side lookup table {@code active_list_entry}: the one active entry per subject and list (DOMAIN.md: the same
 * subject cannot be active twice on the same list). Written by a subscribing processor in the transaction that
 * stores the event, with errors propagated ({@link ListingCommandConfiguration}), so a second entry fails its command
 * with {@link SubjectAlreadyListed} instead of being stored anyway. Nothing checks the table before the command: the
 * entry first decides whether the caller may enter on the list at all (403 before 409), then its event meets the key.
 */
@Component
@ProcessingGroup(ActiveListEntries.PROCESSING_GROUP)
class ActiveListEntries {

    static final String PROCESSING_GROUP = "active-list-entries";

    private final JdbcClient jdbc;

    ActiveListEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * {@code on conflict do nothing} keeps the transaction usable after a conflict, so the refusal names the active
     * entry; a concurrent entry of the same subject waits on the key and then finds the winner's row.
     */
    @EventHandler
    void on(SubjectListedEvent event) {
        int inserted = jdbc.sql("""
                        insert into active_list_entry (list_code, subject_code, entry_id) values (?, ?, ?)
                        on conflict (list_code, subject_code) do nothing""")
                .params(event.listCode(), event.subject().code(), event.entryId().value())
                .update();
        if (inserted == 0) {
            throw new SubjectAlreadyListed(event.listCode(), event.subject().maskedCode(),
                    active(event.listCode(), event.subject().code()).orElse(null));
        }
    }

    @EventHandler
    void on(SubjectDelistedEvent event) {
        jdbc.sql("delete from active_list_entry where entry_id = ?").param(event.entryId().value()).update();
    }

    /** The active entry of the subject on the list, if any. */
    Optional<EntryId> active(String listCode, String subjectCode) {
        return jdbc.sql("select entry_id from active_list_entry where list_code = ? and subject_code = ?")
                .params(listCode, subjectCode)
                .query(UUID.class).optional().map(EntryId::new);
    }
}
