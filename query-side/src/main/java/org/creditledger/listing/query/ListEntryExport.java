package org.creditledger.listing.query;

import org.creditledger.export.OmittedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An entry's {@code history} stays out of exported sheets: each event has fields of its own, which no fixed set of
 * columns holds; the sheet lists the entries as they stand, and the JSON answer keeps the history.
 */
@Configuration(proxyBeanMethods = false)
class ListEntryExport {

    @Bean
    OmittedColumns listEntryOmittedColumns() {
        return OmittedColumns.of("history");
    }
}
