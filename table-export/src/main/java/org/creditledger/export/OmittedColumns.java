package org.creditledger.export;

import java.util.Set;

/**
 * JSON properties that stay out of exported sheets, by path ({@code history}, and {@code quarters[].quarter} for the
 * quarter number that the column header already says). For what a person cannot read in a cell: an event history
 * whose fields differ from event to event. Declare one bean per module; all of them apply.
 */
public record OmittedColumns(Set<String> paths) {

    public OmittedColumns {
        paths = Set.copyOf(paths);
    }

    public static OmittedColumns of(String... paths) {
        return new OmittedColumns(Set.of(paths));
    }
}
