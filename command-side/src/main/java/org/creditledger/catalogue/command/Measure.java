package org.creditledger.catalogue.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.creditledger.catalogue.api.CatalogueMessages.MeasureChangedEvent;
import org.creditledger.catalogue.api.CatalogueMessages.MeasureDefinedEvent;
import org.creditledger.catalogue.api.CatalogueMessages.MeasureRetiredEvent;
import org.creditledger.catalogue.api.CatalogueMessages.RetireMeasureCommand;
import org.creditledger.catalogue.api.CatalogueMessages.SaveMeasureCommand;
import org.creditledger.catalogue.api.CatalogueMessages.Saved;
import org.creditledger.catalogue.api.ListCode;
import org.creditledger.catalogue.api.MeasureBinds;
import org.creditledger.catalogue.api.MeasureDomain;
import org.creditledger.catalogue.api.MeasureKind;
import org.creditledger.catalogue.api.MeasureScope;

import java.time.LocalDate;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A measure (失信惩戒措施 / 守信激励措施) of the catalogue. Each change is a new version and past versions stay in
 * the event history, so a past check can be shown with the measure as it read then. Whether the named lists exist
 * is checked before the command is sent ({@code KnownLists}); this aggregate keeps the rules of the measure itself.
 */
@Aggregate
class Measure {

    @AggregateIdentifier
    private String id;
    private int version;
    private Definition current;
    private LocalDate retiredFrom;

    private record Definition(String name, MeasureKind kind, MeasureDomain domain, MeasureScope scope,
                              String legalBasis, List<ListCode> listCodes, MeasureBinds binds) {
    }

    Measure() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Saved handle(SaveMeasureCommand command) {
        check(command);
        if (retiredFrom != null) {
            throw new MeasureRetired(command.measureCode(), retiredFrom);
        }
        Definition wanted = new Definition(command.name(), command.kind(), command.domain(), command.scope(),
                command.legalBasis(), command.listCodes(), command.binds());
        if (current == null) {
            apply(new MeasureDefinedEvent(command.measureCode(), 1, wanted.name(), wanted.kind(), wanted.domain(),
                    wanted.scope(), wanted.legalBasis(), wanted.listCodes(), wanted.binds()));
            return new Saved(true, 1);
        }
        if (!wanted.equals(current)) {
            apply(new MeasureChangedEvent(command.measureCode(), version + 1, wanted.name(), wanted.kind(),
                    wanted.domain(), wanted.scope(), wanted.legalBasis(), wanted.listCodes(), wanted.binds()));
        }
        return new Saved(false, version);
    }

    @CommandHandler
    int handle(RetireMeasureCommand command) {
        new InvalidCatalogueEntry.Rules()
                .require(!ListDefinition.isBlank(command.reason()), "reason", "catalogue.measure.retirement-reason")
                .require(command.effectiveOn() != null, "effectiveOn", "catalogue.measure.retirement-effective-on")
                .enforce();
        if (retiredFrom != null) {
            throw new MeasureRetired(command.measureCode(), retiredFrom);
        }
        apply(new MeasureRetiredEvent(command.measureCode(), version, command.reason(), command.effectiveOn()));
        return version;
    }

    private static void check(SaveMeasureCommand command) {
        new InvalidCatalogueEntry.Rules()
                .require(!ListDefinition.isBlank(command.name()), "name", "catalogue.measure.name")
                .require(command.kind() != null, "kind", "catalogue.measure.kind")
                .require(command.domain() != null, "domain", "catalogue.measure.domain")
                .require(command.scope() != null, "scope", "catalogue.measure.scope")
                // 地方补充清单: local additions need 法律、法规或党中央、国务院政策文件 (国办发〔2020〕49号), or are rejected.
                .require(!ListDefinition.isBlank(command.legalBasis()), "legalBasis", command.scope() == MeasureScope.LOCAL_SUPPLEMENT
                        ? "catalogue.measure.local-supplement-basis"
                        : "catalogue.measure.legal-basis")
                .require(command.scope() != MeasureScope.LOCAL_SUPPLEMENT || ListDefinition.isBlank(command.legalBasis())
                                || LegalBasis.namesADocument(command.legalBasis()), "legalBasis",
                        "catalogue.measure.local-supplement-document")
                .require(!command.listCodes().isEmpty(), "listCodes", "catalogue.measure.list-codes")
                .enforce();
    }

    @EventSourcingHandler
    void on(MeasureDefinedEvent event) {
        id = event.measureCode().value();
        version = event.version();
        current = new Definition(event.name(), event.kind(), event.domain(), event.scope(), event.legalBasis(), event.listCodes(),
                event.bindsOrDefault());
    }

    @EventSourcingHandler
    void on(MeasureRetiredEvent event) {
        retiredFrom = event.effectiveOn();
    }

    @EventSourcingHandler
    void on(MeasureChangedEvent event) {
        version = event.version();
        current = new Definition(event.name(), event.kind(), event.domain(), event.scope(), event.legalBasis(), event.listCodes(),
                event.bindsOrDefault());
    }
}
