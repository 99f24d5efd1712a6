package org.creditledger.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Flat rows spooled to a temporary file while their columns are collected, then read back once to write the file:
 * the header must list every column before the first row is written, and rows of one answer differ in which fields
 * they have ({@code null}s are left out of JSON). Memory holds the columns and one row, whatever the number of rows.
 */
final class Table implements Closeable {

    private static final ObjectMapper SPOOL = new ObjectMapper();

    private final Path file;
    private final JsonGenerator out;
    private final int maxRows;
    private final List<String> columns = new ArrayList<>();
    private final Set<String> known = new HashSet<>();
    private long rows;
    private boolean closedForWriting;

    Table(int maxRows) {
        this.maxRows = maxRows;
        try {
            file = Files.createTempFile("ledger-export-", ".jsonl");
            out = SPOOL.getFactory().createGenerator(Files.newOutputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the export's temporary file", e);
        }
    }

    void add(ObjectNode row) {
        if (++rows > maxRows) {
            throw new TooManyRows(rows, maxRows);
        }
        int position = -1;
        for (Iterator<String> names = row.fieldNames(); names.hasNext(); ) {
            String column = names.next();
            if (known.add(column)) {
                columns.add(position + 1, column);   // after the column that precedes it in this row
            }
            position = columns.indexOf(column);
        }
        try {
            SPOOL.writeTree(out, row);
            out.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the export's temporary file", e);
        }
    }

    /** The columns' JSON paths, in the order the answer gives its fields. */
    List<String> columns() {
        return Collections.unmodifiableList(columns);
    }

    long size() {
        return rows;
    }

    /** Every row in the order added; call once, after the last {@link #add}. */
    Iterator<ObjectNode> rows() throws IOException {
        if (!closedForWriting) {
            out.close();
            closedForWriting = true;
        }
        MappingIterator<ObjectNode> read = SPOOL.readerFor(ObjectNode.class).readValues(file.toFile());
        return read;
    }

    @Override
    public void close() throws IOException {
        try {
            if (!closedForWriting) {
                out.close();
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
