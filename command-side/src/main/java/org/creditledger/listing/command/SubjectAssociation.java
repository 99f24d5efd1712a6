package org.creditledger.listing.command;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.modelling.saga.AssociationResolver;
import org.creditledger.listing.api.ListEntryMessages.SubjectDelistedEvent;
import org.creditledger.listing.api.ListEntryMessages.SubjectListedEvent;

/**
 * Associates list-entry events with a process by their subject's code: a listing names its subject as a
 * {@code SubjectRef}, an exit by its code, so Axon's property resolver cannot read both.
 */
public class SubjectAssociation implements AssociationResolver {

    public static final String KEY = "subjectCode";

    @Override
    public <T> void validate(String associationPropertyName, MessageHandlingMember<T> handler) {
        if (!KEY.equals(associationPropertyName)) {
            throw new IllegalArgumentException("SubjectAssociation resolves only " + KEY + ", not " + associationPropertyName);
        }
    }

    @Override
    public <T> Object resolve(String associationPropertyName, EventMessage<?> message, MessageHandlingMember<T> handler) {
        Object payload = message.getPayload();
        if (payload instanceof SubjectListedEvent listed) {
            return listed.subject().code();
        }
        if (payload instanceof SubjectDelistedEvent delisted) {
            return delisted.subjectCode();
        }
        return null;
    }
}
