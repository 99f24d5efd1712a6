package org.creditledger.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a JSON answer into flat rows: one {@code path → value} object per row.
 * <ul>
 *   <li>a nested object becomes {@code a.b} columns;</li>
 *   <li>a list of objects inside a row becomes numbered columns {@code quarters[1].letters} …;
 *       a list of plain values one cell, its values joined by {@code 、};</li>
 *   <li>an enum's code gives way to its label: {@code status} holds what {@code statusLabel} says, and
 *       {@code statusLabel} is no column of its own;</li>
 *   <li>a record that holds one list of objects is that list, one row per item ({@code rows.domain}), each row
 *       starting with the record's other fields (a period, a total).</li>
 * </ul>
 */
final class Flattening {

    static final String LABEL_SUFFIX = "Label";
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private final Set<String> omitted;

    Flattening(Set<String> omitted) {
        this.omitted = omitted;
    }

    /** A list's item or a page's item: one row. A plain value is a row of one column, {@code value}. */
    ObjectNode item(JsonNode item) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        if (item.isObject()) {
            flatten(item, "", row);
        } else {
            row.set("value", item);
        }
        return row;
    }

    /** A record: one row, or one row per item of the one list of objects it holds. */
    void record(JsonNode record, Consumer<ObjectNode> rows) {
        if (!record.isObject()) {
            rows.accept(item(record));
            return;
        }
        String listField = theOneListOfObjects(record);
        if (listField == null) {
            rows.accept(item(record));
            return;
        }
        ObjectNode prefix = JsonNodeFactory.instance.objectNode();
        ObjectNode rest = record.deepCopy();
        rest.remove(listField);
        flatten(rest, "", prefix);
        JsonNode items = record.get(listField);
        if (items.isEmpty()) {
            rows.accept(prefix);
        }
        for (JsonNode item : items) {
            ObjectNode row = prefix.deepCopy();
            flatten(item, listField + ".", row);
            rows.accept(row);
        }
    }

    /** The number of rows {@link #record} makes, known before they are made. */
    static long rowCount(JsonNode record, Set<String> omitted) {
        String listField = record.isObject() ? new Flattening(omitted).theOneListOfObjects(record) : null;
        return listField == null ? 1 : Math.max(1, record.get(listField).size());
    }

    private String theOneListOfObjects(JsonNode record) {
        String found = null;
        for (Iterator<Map.Entry<String, JsonNode>> fields = record.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            boolean listOfObjects = value.isArray() && !value.isEmpty() && allObjects(value);
            if (listOfObjects && !omitted.contains(field.getKey())) {
                if (found != null) {
                    return null;
                }
                found = field.getKey();
            }
        }
        return found;
    }

    private void flatten(JsonNode node, String prefix, ObjectNode row) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            String path = prefix + name;
            if (omitted.contains(headerKey(path)) || isLabelOfAnother(node, name, value)) {
                continue;
            }
            JsonNode label = node.get(name + LABEL_SUFFIX);
            if (label != null && label.isTextual() && value.isValueNode()) {
                row.set(path, label);
            } else if (value.isObject()) {
                flatten(value, path + ".", row);
            } else if (value.isArray() && !value.isEmpty() && allObjects(value)) {
                for (int i = 0; i < value.size(); i++) {
                    flatten(value.get(i), path + "[" + (i + 1) + "].", row);
                }
            } else if (value.isArray()) {
                List<String> texts = new ArrayList<>();
                value.forEach(v -> texts.add(v.isValueNode() ? v.asText() : v.toString()));
                row.put(path, String.join("、", texts));
            } else {
                row.set(path, value);
            }
        }
    }

    private static boolean isLabelOfAnother(JsonNode node, String name, JsonNode value) {
        return name.endsWith(LABEL_SUFFIX) && name.length() > LABEL_SUFFIX.length() && value.isTextual()
                && node.has(name.substring(0, name.length() - LABEL_SUFFIX.length()))
                && node.get(name.substring(0, name.length() - LABEL_SUFFIX.length())).isValueNode();
    }

    private static boolean allObjects(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isObject()) {
                return false;
            }
        }
        return true;
    }

    /** {@code quarters[2].letters} → {@code quarters[].letters}: the header's key, the same for every quarter. */
    static String headerKey(String path) {
        return INDEX.matcher(path).replaceAll("[]");
    }

    /** {@code quarters[2].letters} → {@code [2]}: the numbers a header such as 第{0}季度承诺书 is given. */
    static Object[] headerArguments(String path) {
        List<Object> numbers = new ArrayList<>();
        Matcher m = INDEX.matcher(path);
        while (m.find()) {
            numbers.add(Integer.parseInt(m.group(1)));
        }
        return numbers.toArray();
    }
}
