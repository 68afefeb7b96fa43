package io.oversight.app.architecture;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules catch what they are meant to catch: each runs against fixture packages that break it. */
class ArchitectureRulesTest {

    private static JavaClasses fixtures(String packageName) {
        return new ClassFileImporter().importPackages(packageName);
    }

    @Test
    void importOfAnotherModulesInternalPackageIsRefused() {
        AssertionError failure = assertThrows(AssertionError.class, () ->
                ArchitectureRules.modulesUseOnlyEachOthersApi("fixture.boundaries.bad", Set.of())
                        .check(fixtures("fixture.boundaries.bad")));
        assertTrue(failure.getMessage().contains("fixture.boundaries.bad.alpha.internal.Secret"), failure.getMessage());
    }

    @Test
    void tasksReachingIntoReviewInternalsAndReviewReachingIntoTasksInternalsAreBothRefused() {
        AssertionError failure = assertThrows(AssertionError.class, () ->
                ArchitectureRules.modulesUseOnlyEachOthersApi("fixture.boundaries.mutual", Set.of())
                        .check(fixtures("fixture.boundaries.mutual")));
        assertTrue(failure.getMessage().contains("<fixture.boundaries.mutual.tasks.queue.LeaseTable.rules()> has return type "
                + "<fixture.boundaries.mutual.review.decision.VerdictRules>"), failure.getMessage());
        assertTrue(failure.getMessage().contains("<fixture.boundaries.mutual.review.decision.VerdictRules.leases()> has return type "
                + "<fixture.boundaries.mutual.tasks.queue.LeaseTable>"), failure.getMessage());
    }

    @Test
    void useOfAnotherModulesApiAndOwnInternalsIsAllowed() {
        assertDoesNotThrow(() -> ArchitectureRules.modulesUseOnlyEachOthersApi("fixture.boundaries.good", Set.of())
                .check(fixtures("fixture.boundaries.good")));
    }

    @Test
    void publishedPackagesAreAllowed() {
        assertDoesNotThrow(() -> ArchitectureRules.modulesUseOnlyEachOthersApi("fixture.boundaries.bad",
                        Set.of("fixture.boundaries.bad.alpha.internal"))
                .check(fixtures("fixture.boundaries.bad")));
    }

    @Test
    void cyclesBetweenModulesAreRefused() {
        assertThrows(AssertionError.class, () -> ArchitectureRules.modulesAreFreeOfCycles("fixture.cycles")
                .check(fixtures("fixture.cycles")));
    }

    @Test
    void plainJavaPackageImportingJakartaIsRefused() {
        AssertionError failure = assertThrows(AssertionError.class, () ->
                ArchitectureRules.plainJavaOnly("fixture.format..").check(fixtures("fixture.format")));
        assertTrue(failure.getMessage().contains("jakarta.persistence"), failure.getMessage());
    }

    @Test
    void restMethodWithoutRolesIsRefused() {
        AssertionError failure = assertThrows(AssertionError.class, () ->
                ArchitectureRules.restMethodsDeclareRoles("fixture.rest").check(fixtures("fixture.rest")));
        assertTrue(failure.getMessage().contains("undeclared"), failure.getMessage());
        assertTrue(!failure.getMessage().contains("declaredOnMethod") && !failure.getMessage().contains("inheritsFromClass"),
                failure.getMessage());
    }
}
