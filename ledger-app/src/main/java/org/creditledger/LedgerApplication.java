package org.creditledger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Command side and query side in one process: the default way to run the ledger.
 * Scans {@code org.creditledger} but no other application class, so the runnable modules can share a package.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EntityScan("org.creditledger")
@ComponentScan(basePackages = "org.creditledger",
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
public class LedgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(LedgerApplication.class, args);
    }
}
