package org.creditledger.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads a listing ({@code SubjectListedEvent}) stored at revision 1, when the decision's legal representative and
 * responsible persons were bare names, as revision 2, where each is a person {@code {name, code, role}}: a name
 * {@code "张三"} becomes {@code {"name": "张三"}}, a person without code or role, so a check by 身份证 number never finds
 * an entry recorded before numbers were given. Everything else in the payload is left as written.
 *
 * <p>It works on the stored JSON and names the event by its type string, so the machinery imports no feature.
 */
public class PersonsAsObjectsUpcaster extends SingleEventUpcaster {

    /** The stored payload type of a listing: the kernel record's binary name. */
    static final String SUBJECT_LISTED = "org.creditledger.listing.api.ListEntryMessages$SubjectListedEvent";
    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(SUBJECT_LISTED, "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(SUBJECT_LISTED, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, PersonsAsObjectsUpcaster::personsAsObjects);
    }

    private static JsonNode personsAsObjects(JsonNode payload) {
        ObjectNode event = (ObjectNode) payload.deepCopy();
        JsonNode representative = event.get("legalRepresentative");
        if (representative != null && representative.isTextual()) {
            event.set("legalRepresentative", person(representative.textValue()));
        }
        JsonNode persons = event.get("responsiblePersons");
        if (persons != null && persons.isArray()) {
            ArrayNode objects = JsonNodeFactory.instance.arrayNode();
            persons.forEach(p -> objects.add(p.isTextual() ? person(p.textValue()) : p));
            event.set("responsiblePersons", objects);
        }
        return event;
    }

    private static ObjectNode person(String name) {
        return JsonNodeFactory.instance.objectNode().put("name", name);
    }
}
