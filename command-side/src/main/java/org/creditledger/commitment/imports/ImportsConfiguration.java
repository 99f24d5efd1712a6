package org.creditledger.commitment.imports;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Applies the XLSX zip limits of {@link ImportsProperties} to POI. POI keeps them in static fields, so they hold
 * for the whole JVM; imports are the only reader of zips through POI here.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportsProperties.class)
class ImportsConfiguration {

    ImportsConfiguration(ImportsProperties properties) {
        ZipSecureFile.setMinInflateRatio(properties.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(properties.maxEntrySize().toBytes());
        ZipSecureFile.setMaxFileCount(properties.maxFileCount());
        ZipSecureFile.setMaxTextSize(properties.maxTextSize());
    }
}
