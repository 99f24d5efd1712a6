package org.creditledger.commitment.command;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentPostedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Command-side lookup table {@code commitment_letter_no}: the one letter per unit and letter number (承诺书编号).
 * Written by a subscribing processor in the transaction that stores {@link CommitmentPostedEvent}, with errors
 * propagated ({@link CommitmentCommandConfiguration}), so a second letter with a number its unit already used fails
 * its command with {@link LetterNoTaken} and nothing is stored. Two concurrent posts of the same number meet at the
 * primary key: the second waits for the first's transaction and then finds its row.
 */
@Component
@ProcessingGroup(LetterNumbers.PROCESSING_GROUP)
class LetterNumbers {

    static final String PROCESSING_GROUP = "commitment-letter-numbers";

    private final JdbcClient jdbc;

    LetterNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code on conflict do nothing} keeps the transaction usable, so the refusal can name the first letter. */
    @EventHandler
    void on(CommitmentPostedEvent event) {
        if (event.letterNo() == null) {
            return;
        }
        int inserted = jdbc.sql("""
                        insert into commitment_letter_no (unit_id, letter_no, commitment_id) values (?, ?, ?)
                        on conflict (unit_id, letter_no) do nothing""")
                .params(event.unitId().value(), event.letterNo(), event.commitmentId().value())
                .update();
        if (inserted == 0) {
            UUID first = jdbc.sql("select commitment_id from commitment_letter_no where unit_id = ? and letter_no = ?")
                    .params(event.unitId().value(), event.letterNo()).query(UUID.class).optional().orElse(null);
            throw new LetterNoTaken(event.unitId().value(), event.letterNo(), first);
        }
    }
}
