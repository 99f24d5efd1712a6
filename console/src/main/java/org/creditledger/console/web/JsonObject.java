package org.creditledger.console.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object of an API answer as a template reads it. The API leaves out fields that have no value (a check
 * without a matter has no {@code matter}), and a template reading {@code check.matter} must then see null rather than
 * fail: Spring's expression language reads a map's property only if the map says it contains the key, so this one says
 * so for every key, and answers null for an absent one.
 */
public final class JsonObject extends LinkedHashMap<String, Object> {

    private JsonObject(Map<String, Object> fields) {
        super(fields);
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String;
    }

    /** {@code value} with every object in it, however deep, made a {@code JsonObject}. */
    @SuppressWarnings("unchecked")
    static Object of(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> fields = new LinkedHashMap<>();
            map.forEach((key, field) -> fields.put((String) key, of(field)));
            return new JsonObject(fields);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(JsonObject::of).toList();
        }
        return value;
    }
}
