package org.creditledger.readmodel.rebuild;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Declares a read model: the processing group of its projections and the read tables they own. Declare one as a bean
 * in the projection's class, e.g.
 * <pre>{@code
 * @Bean
 * static RebuildableProjection quotaTables() {
 *     return RebuildableProjection.of(QuotaProjection.PROCESSING_GROUP, "quota_day");
 * }
 * }</pre>
 * That is all a projection needs: the group gets the read models' tracking processor
 * ({@link org.creditledger.readmodel.ReadModelProcessors}), and an administrator can rebuild it.
 * A rebuild replays every event through the group's handlers into empty copies of exactly these tables, then puts the
 * copies in their place (see {@link ProjectionRebuilds}). The handlers must therefore write these tables and nothing
 * else, and keep no state outside them: {@code @ResetHandler}s are not called, the empty copies are the reset.
 *
 * @param processingGroup the tracking processor's name, e.g. {@code list-entries}
 * @param tables          the read tables the group's handlers write, unqualified, in the schema Flyway created them in
 * @param readLive        whether its readers answer from where it stands, without waiting for the newest event (the
 *                        counter checks' projection): such a projection never lingers
 *                        ({@code ledger.read.linger}), since nobody's wait would cut the linger short
 */
public record RebuildableProjection(String processingGroup, List<String> tables, boolean readLive) {

    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public RebuildableProjection {
        if (processingGroup == null || processingGroup.isBlank()) {
            throw new IllegalArgumentException("a rebuildable projection needs its processing group");
        }
        if (tables == null || tables.isEmpty()) {
            throw new IllegalArgumentException("processing group " + processingGroup + " declares no tables");
        }
        tables = List.copyOf(tables);
        for (String table : tables) {
            if (!TABLE.matcher(table).matches()) {
                throw new IllegalArgumentException("'" + table + "' is not a plain lower-case table name");
            }
        }
    }

    public static RebuildableProjection of(String processingGroup, String... tables) {
        return new RebuildableProjection(processingGroup, List.of(tables), false);
    }

    /** This projection, read without waiting for the newest event (see {@code readLive}). */
    public RebuildableProjection readWithoutWaiting() {
        return new RebuildableProjection(processingGroup, tables, true);
    }
}
