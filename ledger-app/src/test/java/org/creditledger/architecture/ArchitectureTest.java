package org.creditledger.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module boundaries of STYLE.md, checked on every main class of the assembled ledger:
 * <ul>
 * <li>machinery ({@code platform}, read-model support {@code readmodel}, the audit chain {@code audit.chain}) imports
 * no feature: only other machinery, the kernel's messages and values, and libraries;</li>
 * <li>a feature does not reach into another feature's internals: it may use another feature's messages and values
 * (the kernel's {@code …api} packages, {@code subject}, {@code ids}) and the few types a feature publishes on
 * purpose, listed in {@link #PUBLISHED} with the reason each is shared;</li>
 * <li>aggregates import nothing from {@code platform.web} or {@code platform.access}: they throw domain exceptions and
 * know nothing of HTTP or API keys.</li>
 * </ul>
 */
class ArchitectureTest {

    private static final String ROOT = "org.creditledger.";
    private static final Set<String> MACHINERY = Set.of("platform", "readmodel", "audit.chain", "export");
    private static final Set<String> KERNEL = Set.of("subject", "ids", "access.api");

    /** Types one feature offers others on purpose. */
    static final Set<String> PUBLISHED = Set.of(
            // command-side lookup tables of set rules: a letter's or case's unit must be registered
            ROOT + "unit.command.KnownUnits",
            // an entry's list must be in the catalogue
            ROOT + "catalogue.command.KnownLists",
            // a repair application's commitment letter must be the subject's own 信用修复 letter
            ROOT + "commitment.command.CommitmentLetters",
            // the inspector's state as of an instant is answered by the counter check's own lookup, so both agree
            ROOT + "check.query.CheckLookup",
            ROOT + "check.query.LedgerHorizon",
            ROOT + "check.query.CheckProjection",
            // quota reads wait for the units projection, which holds the targets
            ROOT + "unit.query.UnitProjection");

    private static JavaClasses ledger;

    @BeforeAll
    static void importTheLedger() {
        ledger = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // other modules' test helpers
                .importPackages("org.creditledger");
    }

    @Test
    void theWholeLedgerIsImported() {
        assertThat(ledger.stream().map(JavaClass::getPackageName).map(ArchitectureTest::area).distinct())
                .contains("platform", "readmodel", "audit.chain", "commitment", "listing", "check", "quota");
    }

    @Test
    void machineryImportsNoFeature() {
        classes().that(inArea(MACHINERY)).should(dependOnlyOn(MACHINERY, Set.of()))
                .because("generic machinery must work for any feature and be testable without them").check(ledger);
    }

    @Test
    void featuresDoNotReachIntoEachOthersInternals() {
        classes().that(DescribedPredicate.not(inArea(MACHINERY))).and(DescribedPredicate.not(inArea(KERNEL)))
                .and(DescribedPredicate.describe("are not in a kernel …api package", c -> !c.getPackageName().endsWith(".api")))
                .should(dependOnlyOnOwnFeature())
                .because("a feature changes its internals without asking the others").check(ledger);
    }

    @Test
    void aggregatesKnowNothingOfHttpOrApiKeys() {
        ArchRule rule = noClasses().that().areAnnotatedWith(Aggregate.class)
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + "platform.web..", ROOT + "platform.access..")
                .because("aggregates guard business rules and throw domain exceptions; the web maps them");
        rule.check(ledger);
    }

    /** The area of a package: {@code platform}, {@code readmodel}, {@code audit.chain}, a kernel package or a feature. */
    static String area(String packageName) {
        if (!packageName.startsWith(ROOT)) {
            return "";
        }
        String[] parts = packageName.substring(ROOT.length()).split("\\.");
        String two = parts.length > 1 ? parts[0] + "." + parts[1] : parts[0];
        if (MACHINERY.contains(two) || KERNEL.contains(two) || (parts.length > 1 && parts[1].equals("api"))) {
            return parts.length > 1 && parts[1].equals("api") ? parts[0] + ".api" : two;
        }
        return parts[0];
    }

    private static DescribedPredicate<JavaClass> inArea(Set<String> areas) {
        return DescribedPredicate.describe("are in " + areas, c -> areas.contains(area(c.getPackageName())));
    }

    private static boolean isKernel(JavaClass target) {
        String area = area(target.getPackageName());
        return KERNEL.contains(area) || area.endsWith(".api");
    }

    private static ArchCondition<JavaClass> dependOnlyOn(Set<String> areas, Set<String> alsoAllowed) {
        return new ArchCondition<>("depend on no feature") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    if (!target.getPackageName().startsWith(ROOT) || isKernel(target) || areas.contains(area(target.getPackageName()))
                            || alsoAllowed.contains(target.getName())) {
                        continue;
                    }
                    events.add(SimpleConditionEvent.violated(item, dependency.getDescription()));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> dependOnlyOnOwnFeature() {
        return new ArchCondition<>("depend only on their own feature, machinery, the kernel and published types") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String own = area(item.getPackageName());
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    String targetArea = area(target.getPackageName());
                    if (!target.getPackageName().startsWith(ROOT) || targetArea.equals(own) || isKernel(target)
                            || MACHINERY.contains(targetArea) || PUBLISHED.contains(outermost(target).getName())
                            || target.getSimpleName().endsWith("Application")) {
                        continue;
                    }
                    events.add(SimpleConditionEvent.violated(item, dependency.getDescription()));
                }
            }
        };
    }

    private static JavaClass outermost(JavaClass type) {
        JavaClass current = type;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }
}
