package org.creditledger.jointaction.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.creditledger.jointaction.api.JointActionMessages.JointActionRecordedEvent;
import org.creditledger.jointaction.api.JointActionMessages.RecordJointActionCommand;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A joint reward or punishment case (联合奖惩案例). Created once and never changed: the controller has already
 * checked the entry, the measure and the unit against the command-side lookups, so only the case's own fields are
 * guarded here.
 */
@Aggregate
class JointAction {

    static final int MAX_MATTER = 500;
    static final int MAX_RESULT = 2000;

    @AggregateIdentifier
    private String id;

    JointAction() {
        // for Axon
    }

    @CommandHandler
    JointAction(RecordJointActionCommand command) {
        require("entryId", command.entryId());
        requireText("listCode", command.listCode(), 64);
        requireText("subjectCode", command.subjectCode(), 64);
        require("measureCode", command.measureCode());
        require("measureKind", command.measureKind());
        require("measureDomain", command.measureDomain());
        require("unitId", command.unitId());
        require("takenOn", command.takenOn());
        requireText("matter", command.matter(), MAX_MATTER);
        requireText("result", command.result(), MAX_RESULT);
        if (command.measureVersion() < 1) {
            throw new JointActionRejected("measureVersion", "problem.field.at-least", 1);
        }
        apply(new JointActionRecordedEvent(command.jointActionId(), command.entryId(), command.listCode(),
                command.subjectCode(), command.measureCode(), command.measureKind(), command.measureDomain(),
                command.measureVersion(), command.unitId(), command.matter().strip(), command.takenOn(),
                command.result().strip()));
    }

    @EventSourcingHandler
    void on(JointActionRecordedEvent event) {
        id = event.jointActionId().toString();
    }

    private static void require(String field, Object value) {
        if (value == null) {
            throw new JointActionRejected(field, "problem.field.required");
        }
    }

    private static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new JointActionRejected(field, "problem.field.required");
        }
        if (value.strip().length() > max) {
            throw new JointActionRejected(field, "problem.field.max-length", max);
        }
    }
}
