package org.creditledger.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * The web console ({@code ledger.console.*}).
 *
 * @param apiBaseUrl  where the console calls the ledger's API; empty = this JVM on {@code http://127.0.0.1:<server port>}
 * @param apiTimeout  how long a page waits for one API answer before it shows the problem
 */
@ConfigurationProperties("ledger.console")
public record ConsoleProperties(URI apiBaseUrl, @DefaultValue("30s") Duration apiTimeout) {
}
