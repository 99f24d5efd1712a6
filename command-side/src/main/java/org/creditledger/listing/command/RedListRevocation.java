package org.creditledger.listing.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.creditledger.catalogue.api.ListColour;
import org.creditledger.listing.api.EntryId;
import org.creditledger.listing.api.ListEntryMessages.RevokeOnBlackListingCommand;
import org.creditledger.listing.api.ListEntryMessages.SubjectDelistedEvent;
import org.creditledger.listing.api.ListEntryMessages.SubjectListedEvent;
import org.creditledger.platform.axon.LedgerMetadata;

import java.time.LocalDate;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * 红名单因失信撤销: while a subject is on any black list, it is on no red list whose definition says
 * {@code revokedOnBlackListing} (守合同重信用企业, A级纳税人 …). One process per subject, associated by its code, alive
 * while the subject has a black entry or an entry on such a red list in force: a black listing revokes the subject's
 * red entries; a red listing while a black entry is in force is revoked at once.
 *
 * <p>No command touches two aggregates: each red entry gets its own {@link RevokeOnBlackListingCommand}. That command
 * is idempotent (an exited entry ignores it), so a redelivered event or a replay revokes once. Everything the process
 * needs is in the events (a listing carries its list's colour and flag), so it reads no table.
 */
@Saga
@ProcessingGroup(RedListRevocation.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class RedListRevocation {

    public static final String PROCESSING_GROUP = "red-list-revocation";

    /** The subject's black entries in force: entry id → its list and effective date. */
    private TreeMap<String, BlackEntry> blackEntries = new TreeMap<>();
    /** The subject's entries in force on red lists revoked on black listing. */
    private TreeSet<String> revocableRedEntries = new TreeSet<>();

    record BlackEntry(String listCode, LocalDate effectiveFrom) {
    }

    /**
     * Every listing reaches here. One that is neither black nor on a revocable red list (or stored before listings
     * carried their colour) leaves a new process empty, which ends at once and is never stored.
     */
    @StartSaga
    @SagaEventHandler(associationProperty = SubjectAssociation.KEY, associationResolver = SubjectAssociation.class)
    void on(SubjectListedEvent event, CommandGateway commands,
            @MetaDataValue(LedgerMetadata.CORRELATION_ID) String correlationId) {
        String entryId = event.entryId().toString();
        if (event.listColour() == ListColour.BLACK) {
            blackEntries.put(entryId, new BlackEntry(event.listCode(), event.effectiveFrom()));
            for (String red : revocableRedEntries) {
                revoke(commands, red, entryId, correlationId);
            }
        } else if (event.listColour() == ListColour.RED && event.revokedOnBlackListing()) {
            revocableRedEntries.add(entryId);
            if (!blackEntries.isEmpty()) {
                revoke(commands, entryId, blackEntries.firstKey(), correlationId);
            }
        }
        endWhenNothingInForce();
    }

    @SagaEventHandler(associationProperty = SubjectAssociation.KEY, associationResolver = SubjectAssociation.class)
    void on(SubjectDelistedEvent event) {
        blackEntries.remove(event.entryId().toString());
        revocableRedEntries.remove(event.entryId().toString());
        endWhenNothingInForce();
    }

    /**
     * Sent and awaited in this handler's unit of work, so the red entry's exit and the process's progress commit
     * together; a failure is retried by the processor. The exit counts from the black entry's effective date.
     */
    private void revoke(CommandGateway commands, String redEntry, String blackEntry, String correlationId) {
        BlackEntry black = blackEntries.get(blackEntry);
        RevokeOnBlackListingCommand command = new RevokeOnBlackListingCommand(EntryId.parse(redEntry),
                EntryId.parse(blackEntry), black.listCode(), black.effectiveFrom());
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(LedgerMetadata.system(
                "red list revoked: the subject entered black list " + black.listCode(), correlationId).toMetaData()));
    }

    private void endWhenNothingInForce() {
        if (blackEntries.isEmpty() && revocableRedEntries.isEmpty()) {
            SagaLifecycle.end();
        }
    }
}
