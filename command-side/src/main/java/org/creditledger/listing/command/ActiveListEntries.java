package org.creditledger.listing.command;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.creditledger.listing.api.EntryId;
import org.creditledger.listing.api.ListEntryMessages.SubjectDelistedEvent;
import org.creditledger.listing.api.ListEntryMessages.SubjectListedEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Command-side lookup table {@code active_list_entry}: the one active entry per subject and list (DOMAIN.md: the same
 * subject cannot be active twice on the same list). Written by a subscribing processor in the transaction that
 * stores the event, with errors propagated ({@link ListingCommandConfiguration}), so a second concurrent entry fails
 * its command on the primary key instead of being logged and stored anyway.
 */
@Component
@ProcessingGroup(ActiveListEntries.PROCESSING_GROUP)
class ActiveListEntries {

    static final String PROCESSING_GROUP = "active-list-entries";

    private final JdbcClient jdbc;

    ActiveListEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SubjectListedEvent event) {
        try {
            jdbc.sql("insert into active_list_entry (list_code, subject_code, entry_id) values (?, ?, ?)")
                    .params(event.listCode(), event.subject().code(), event.entryId().value())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new SubjectAlreadyListed(event.listCode(), event.subject().maskedCode(),
                    active(event.listCode(), event.subject().code()).orElse(null));
        }
    }

    @EventHandler
    void on(SubjectDelistedEvent event) {
        jdbc.sql("delete from active_list_entry where entry_id = ?").param(event.entryId().value()).update();
    }

    /**
     * The active entry of the subject on the list, if any. Read in its own statement: after a failed insert the
     * transaction is aborted, so the caller reports the conflict without it in that case.
     */
    Optional<EntryId> active(String listCode, String subjectCode) {
        try {
            return jdbc.sql("select entry_id from active_list_entry where list_code = ? and subject_code = ?")
                    .params(listCode, subjectCode)
                    .query(UUID.class).optional().map(EntryId::new);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
