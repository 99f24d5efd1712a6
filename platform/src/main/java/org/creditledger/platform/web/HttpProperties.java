package org.creditledger.platform.web;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the HTTP interface ({@code ledger.http.*}).
 *
 * @param maxJsonBody largest request body that is not an upload (JSON, in practice); a larger one is refused with 413
 *                    before anything reads it. Uploads (multipart) have their own limit,
 *                    {@code spring.servlet.multipart.max-file-size}.
 */
@Validated
@ConfigurationProperties("ledger.http")
record HttpProperties(@DefaultValue("2MB") @NotNull DataSize maxJsonBody) {

    HttpProperties {
        if (maxJsonBody != null && maxJsonBody.toBytes() < 1) {
            throw new IllegalArgumentException("ledger.http.max-json-body must be at least 1 byte; it is " + maxJsonBody + ".");
        }
    }
}
