package org.creditledger.commitment.imports;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of bulk imports ({@code ledger.imports.*}). The XLSX limits guard against decompression bombs: an upload
 * is at most {@code spring.servlet.multipart.max-file-size} (20 MB), but a zip can inflate far beyond that.
 *
 * @param parallelParses  imports this node parses at once; the rest wait {@code QUEUED}. 0: this node only accepts
 *                        uploads and leaves the parsing to other nodes on the same database
 * @param maxRows         data rows an import may have
 * @param chunkSize       rows posted per transaction
 * @param maxEntrySize    uncompressed size of any one part of an XLSX zip (the sheet, the shared strings …)
 * @param minInflateRatio smallest compressed/uncompressed ratio a part may have once past POI's grace size
 *                        (0.02: a part that inflates more than 50 times is refused; POI's own default is 0.01)
 * @param maxFileCount    parts an XLSX zip may hold
 * @param maxTextSize     characters of text the shared strings of a workbook may hold in total
 */
@Validated
@ConfigurationProperties("ledger.imports")
public record ImportsProperties(
        @DefaultValue("2") @Min(0) @Max(64) int parallelParses,
        @DefaultValue("200000") @Min(1) int maxRows,
        @DefaultValue("1000") @Min(1) @Max(100_000) int chunkSize,
        @DefaultValue("100MB") @NotNull DataSize maxEntrySize,
        @DefaultValue("0.02") @DecimalMin("0.0001") @DecimalMax("1") double minInflateRatio,
        @DefaultValue("1000") @Min(10) int maxFileCount,
        @DefaultValue("50000000") @Min(1000) long maxTextSize) {
}
