package org.creditledger.demo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditledger.catalogue.api.CatalogueMessages.SaveListDefinitionCommand;
import org.creditledger.catalogue.api.CatalogueMessages.SaveMeasureCommand;
import org.creditledger.catalogue.api.ListCode;
import org.creditledger.catalogue.api.ListColour;
import org.creditledger.catalogue.api.RepairWaitFrom;
import org.creditledger.catalogue.api.MeasureBinds;
import org.creditledger.catalogue.api.MeasureCode;
import org.creditledger.catalogue.api.MeasureDomain;
import org.creditledger.catalogue.api.MeasureKind;
import org.creditledger.catalogue.api.MeasureScope;
import org.creditledger.platform.axon.LedgerCommands;
import org.creditledger.platform.axon.LedgerMetadata;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The demo catalogue of lists and measures ({@code demo/catalogue.json}: the national lists of credit-rules.md and
 * at least one measure in each of the fifteen domains). Loaded by {@link DemoData}, which decides whether the ledger
 * is empty, through the same commands an administrator's PUTs send: lists first, so measures find them.
 */
@Component
@ConditionalOnProperty(name = "ledger.demo", havingValue = "true")
class DemoCatalogue {

    static final String CATALOGUE = "demo/catalogue.json";

    private final LedgerCommands commands;

    DemoCatalogue(LedgerCommands commands) {
        this.commands = commands;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Catalogue(List<ListRow> lists, List<MeasureRow> measures) {
    }

    /**
     * {@code note}: where the figures come from, "(verify)" when not read from an official text; not loaded. The
     * published texts ({@code criteria} … {@code remedy}) are loaded as written, "(verify)" marks included. The repair
     * rules ({@code repairWaitFrom} …) are the defaults where a list leaves them out.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ListRow(String code, String name, ListColour colour, String authority, String legalBasis, int periodMonths,
                   boolean earlyRepairAllowed, int minMonthsBeforeRepair, boolean revokedOnBlackListing,
                   int maxExtensionMonths, String criteria, String exitConditions, String procedure, String remedy,
                   String note, RepairWaitFrom repairWaitFrom, Integer repairDecisionWorkingDays,
                   boolean repairCommitmentRequired) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MeasureRow(String code, String name, MeasureKind kind, MeasureDomain domain, MeasureScope scope,
                      String legalBasis, List<String> listCodes, MeasureBinds binds) {
    }

    /** @return the catalogue loaded, for the log line */
    Catalogue load(LedgerMetadata metadata) {
        Catalogue catalogue = read();
        for (ListRow list : catalogue.lists()) {
            commands.send(new SaveListDefinitionCommand(new ListCode(list.code()), list.name(), list.colour(), list.authority(),
                    list.legalBasis(), list.periodMonths(), list.earlyRepairAllowed(), list.minMonthsBeforeRepair(),
                    list.revokedOnBlackListing(), list.criteria(), list.exitConditions(), list.procedure(), list.remedy(),
                    list.maxExtensionMonths(), list.repairWaitFrom(), list.repairDecisionWorkingDays(),
                    list.repairCommitmentRequired()), metadata);
        }
        for (MeasureRow measure : catalogue.measures()) {
            commands.send(new SaveMeasureCommand(new MeasureCode(measure.code()), measure.name(), measure.kind(), measure.domain(),
                    measure.scope(), measure.legalBasis(), measure.listCodes().stream().map(ListCode::new).toList(),
                    measure.binds()), metadata);
        }
        return catalogue;
    }

    static Catalogue read() {
        try (InputStream in = new ClassPathResource(CATALOGUE).getInputStream()) {
            return new ObjectMapper().readValue(in, Catalogue.class);
        } catch (IOException e) {
            throw new UncheckedIOException("demo catalogue missing from the command-side jar", e);
        }
    }
}
