package org.creditledger.audit.chain;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The audit chain is machinery: it knows the event store's table and the platform, never a feature (the dispute
 * package's choice of events comes from its caller). Of libraries, it uses Spring, Axon, Jackson, logging and Micrometer
 * (its lag gauges). The offline verifier knows nothing but {@code java.*}.
 */
class AuditChainBoundaryTest {

    private static final JavaClasses CHAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.creditledger.audit.chain");

    @Test
    void theChainImportsThePlatformAndLibrariesButNoFeature() {
        classes().that().resideInAPackage("org.creditledger.audit.chain")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.sql..", "jakarta.validation..",
                        "org.springframework..", "org.axonframework..", "org.slf4j..", "com.fasterxml.jackson..", "io.micrometer..",
                        // OpenAPI annotations (operation ids, schemas) describe the endpoints; they carry no behaviour
                        "io.swagger.v3.oas.annotations..",
                        "org.creditledger.platform..", "org.creditledger.audit.chain")
                .check(CHAIN);
    }

    @Test
    void theOfflineVerifierImportsOnlyJava() {
        String verifier = Pattern.quote(VerifyDisputePackage.class.getName()) + "(\\$.*)?";
        classes().that().haveNameMatching(verifier)
                .should().onlyDependOnClassesThat(resideInAPackage("java..").or(nameMatching(verifier)))
                .check(CHAIN);
    }
}
