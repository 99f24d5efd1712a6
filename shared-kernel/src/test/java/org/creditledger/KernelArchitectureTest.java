package org.creditledger;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.creditledger.subject.Uscc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the shared kernel plain Java: every other module depends on it, so a framework
 * dependency here would leak into all of them. The only Axon types allowed are the two
 * annotations commands and events need.
 */
class KernelArchitectureTest {

    static final ArchRule NO_SPRING_OR_PERSISTENCE = noClasses()
            .that().resideInAPackage("org.creditledger..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.persistence..", "javax.persistence..", "org.hibernate..")
            .because("the shared kernel is plain Java 17 and is used by every module");

    static final ArchRule ONLY_AXON_ANNOTATIONS = noClasses()
            .that().resideInAPackage("org.creditledger..")
            .should().dependOnClassesThat(resideInAPackage("org.axonframework..")
                    .and(not(type(TargetAggregateIdentifier.class)))
                    .and(not(type(Revision.class)))
                    .as("Axon classes other than @TargetAggregateIdentifier and @Revision"))
            .because("commands and events may carry Axon's routing and revision annotations, nothing more");

    private static JavaClasses kernelMainClasses;

    @BeforeAll
    static void importKernelMainClasses() {
        kernelMainClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.creditledger");
    }

    @Test
    void importsThisModulesMainClassesButNotTests() {
        assertThat(kernelMainClasses.contain(Uscc.class)).isTrue();
        assertThat(kernelMainClasses.contain(KernelArchitectureTest.class)).isFalse();
    }

    @Test
    void kernelDoesNotDependOnSpringOrPersistence() {
        NO_SPRING_OR_PERSISTENCE.check(kernelMainClasses);
    }

    @Test
    void kernelUsesOnlyTheTwoAllowedAxonAnnotations() {
        ONLY_AXON_ANNOTATIONS.check(kernelMainClasses);
    }

    @Test
    void axonRuleAllowsTargetAggregateIdentifierAndRevision() {
        JavaClasses fixture = new ClassFileImporter().importClasses(AllowedAxonUse.class);
        assertThat(ONLY_AXON_ANNOTATIONS.evaluate(fixture).hasViolation()).isFalse();
    }

    @Test
    void axonRuleRejectsAnyOtherAxonType() {
        JavaClasses fixture = new ClassFileImporter().importClasses(ForbiddenAxonUse.class);
        assertThat(ONLY_AXON_ANNOTATIONS.evaluate(fixture).hasViolation()).isTrue();
    }

    @Revision("1")
    record AllowedAxonUse(@TargetAggregateIdentifier String id) {
    }

    record ForbiddenAxonUse(MetaData metaData) {
    }
}
