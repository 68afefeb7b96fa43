package io.oversight.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole product (every module's jar is on this module's test class path) obeys the house rules. */
class ModuleBoundariesTest {

    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.oversight");
    }

    @Test
    void modulesUseEachOtherOnlyThroughTheirApiPackages() {
        ArchitectureRules.modulesUseOnlyEachOthersApi("io.oversight", Set.of("io.oversight.ledger.format"))
                .check(product);
    }

    @Test
    void modulesFormNoCycles() {
        ArchitectureRules.modulesAreFreeOfCycles("io.oversight").check(product);
    }

    @Test
    void ledgerFormatAndVerifierArePlainJava() {
        ArchitectureRules.plainJavaOnly("io.oversight.ledger.format..", "io.oversight.verifier..").check(product);
    }

    @Test
    void everyRestMethodDeclaresWhoMayCallIt() {
        ArchitectureRules.restMethodsDeclareRoles("io.oversight").check(product);
    }

    @Test
    void theProductIsReallyImported() {
        org.junit.jupiter.api.Assertions.assertTrue(
                product.contain("io.oversight.ledger.format.EntryCodec")
                        && product.contain("io.oversight.verifier.Main")
                        && product.contain("io.oversight.app.users.UsersResource"),
                "the rules above would pass vacuously on an empty import");
    }
}
