package org.creditledger.quota.query;

import org.creditledger.export.OmittedColumns;
import org.creditledger.platform.i18n.LabelledEnums;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How quota progress reads in an exported sheet: quarter status by its label, no bare quarter-number column. */
@Configuration(proxyBeanMethods = false)
class QuotaExport {

    @Bean
    LabelledEnums quotaVocabulary() {
        return LabelledEnums.of(QuotaView.QuarterStatus.class);
    }

    /** In the city overview each quarter is a group of columns whose headers already say 第N季度. */
    @Bean
    OmittedColumns quotaOmittedColumns() {
        return OmittedColumns.of("quarters[].quarter");
    }
}
