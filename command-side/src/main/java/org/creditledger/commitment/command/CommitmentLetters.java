package org.creditledger.commitment.command;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.creditledger.commitment.api.CommitmentId;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentPostedEvent;
import org.creditledger.commitment.api.CommitmentType;
import org.creditledger.commitment.api.CommitmentLetter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Command-side lookup table {@code commitment_letter}: whose each letter is and of which type, for commands that name
 * a letter by id (a repair application's {@code commitmentId}). Written by a subscribing processor in the transaction
 * that stores {@link CommitmentPostedEvent}, with errors propagated ({@link CommitmentCommandConfiguration}), so a
 * letter the ledger holds is in the table from the moment its post succeeded; never a query of the read side, which
 * may lag. Neither the subject nor the type of a letter ever changes, so one insert per letter is all it takes.
 */
@Component
@ProcessingGroup(CommitmentLetters.PROCESSING_GROUP)
public class CommitmentLetters {

    static final String PROCESSING_GROUP = "commitment-letters";

    private final JdbcClient jdbc;

    CommitmentLetters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CommitmentPostedEvent event) {
        jdbc.sql("""
                        insert into commitment_letter (commitment_id, subject_code, type) values (?, ?, ?)
                        on conflict (commitment_id) do nothing""")
                .params(event.commitmentId().value(), event.subject().code(), event.type().name())
                .update();
    }

    /** The letter with this id, if the ledger holds one. */
    public Optional<CommitmentLetter> find(CommitmentId commitmentId) {
        return jdbc.sql("select subject_code, type from commitment_letter where commitment_id = ?")
                .param(commitmentId.value())
                .query((rs, n) -> new CommitmentLetter(commitmentId, rs.getString(1), CommitmentType.valueOf(rs.getString(2))))
                .optional();
    }
}
