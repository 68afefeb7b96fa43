package io.oversight.ledger.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.kernel.testing.TestDatabase;
import io.oversight.ledger.Actor;
import io.oversight.ledger.BundleRequest;
import io.oversight.ledger.EntryFilter;
import io.oversight.ledger.ErasureBlockedException;
import io.oversight.ledger.ErasureReceipt;
import io.oversight.ledger.LedgerRecord;
import io.oversight.ledger.PersonKind;
import io.oversight.ledger.Pseudonyms;
import io.oversight.ledger.RetentionPolicy;
import io.oversight.ledger.RevealedSubject;
import io.oversight.ledger.Roles;
import io.oversight.ledger.SealedEntry;
import io.oversight.ledger.SubjectErasedException;
import io.oversight.ledger.SubjectRef;
import io.oversight.ledger.UnknownPseudonymException;
import io.oversight.ledger.format.VerificationReport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SPEC L6: pseudonyms, encrypted personal data, recorded reveals, erasure by crypto-shredding. */
class VaultTest {

    private static final Actor AUDITOR = new Actor("ps-auditor", Roles.AUDITOR);
    private static final Actor ADMIN = new Actor("ps-admin", Roles.ADMIN);
    private static final RetentionPolicy NO_RETENTION = new RetentionPolicy(Duration.ZERO, false);

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void erasureShredsTheSubjectWhileTheLogStillVerifies(TestDatabase database) throws Exception {
        LedgerHarness ledger = new LedgerHarness(database, tmp, 100, 1_000_000);
        Vault vault = new Vault(ledger.keyStore.vaultKey(), ledger.clock);
        String reviewer;
        String customer;
        try (Connection connection = ledger.dataSource.getConnection()) {
            reviewer = vault.pseudonymFor(connection, PersonKind.ACTOR, "alice@example.com");
            customer = vault.pseudonymFor(connection, PersonKind.DATA_SUBJECT, "customer-4711");
            assertEquals(reviewer, vault.pseudonymFor(connection, PersonKind.ACTOR, "alice@example.com"), "stable");
            assertNotEquals(reviewer, vault.pseudonymFor(connection, PersonKind.DATA_SUBJECT, "alice@example.com"),
                    "kinds do not share pseudonyms");
            assertTrue(reviewer.matches("ps-[a-z2-7]{26}"), reviewer);
            vault.declarePersonalData(connection, customer, Map.of("name", "Erika Mustermann", "iban", "DE02100100109307118603"));
        }
        ledger.record(LedgerRecord.builder("review.decision.approved", new Actor(reviewer, Roles.REVIEWER))
                .subject(SubjectRef.person(customer)).occurredAt(ledger.clock.instant()).build());
        ledger.grow(40, 20);

        try (Connection connection = ledger.dataSource.getConnection()) {
            connection.setAutoCommit(false);
            RevealedSubject revealed = vault.reveal(connection, customer, AUDITOR, "complaint 2026-17");
            connection.commit();
            assertEquals("customer-4711", revealed.identity());
            assertEquals("Erika Mustermann", revealed.fields().get("name"));
            assertEquals(PersonKind.DATA_SUBJECT, revealed.kind());
            assertThrows(IllegalArgumentException.class, () -> vault.reveal(connection, customer, ADMIN, "curious"));

            assertThrows(ErasureBlockedException.class, () -> vault.erase(connection, customer,
                    new RetentionPolicy(Duration.ZERO, true), ADMIN, "GDPR Art. 17 request"));
            ErasureBlockedException retained = assertThrows(ErasureBlockedException.class, () -> vault.erase(connection,
                    customer, new RetentionPolicy(RetentionPolicy.SIX_MONTHS, false), ADMIN, "GDPR Art. 17 request"));
            assertEquals(ErasureBlockedException.Reason.RETENTION_PERIOD, retained.reason());
            connection.rollback();

            ErasureReceipt receipt = vault.erase(connection, customer, NO_RETENTION, ADMIN, "GDPR Art. 17 request");
            connection.commit();
            assertEquals(customer, receipt.pseudonym());
            assertThrows(SubjectErasedException.class, () -> vault.reveal(connection, customer, AUDITOR, "again"));
            assertThrows(SubjectErasedException.class, () -> vault.declarePersonalData(connection, customer, Map.of("x", "y")));
            assertThrows(SubjectErasedException.class, () -> vault.erase(connection, customer, NO_RETENTION, ADMIN, "again"));
            assertThrows(UnknownPseudonymException.class, () -> vault.reveal(connection, "ps-nobody", AUDITOR, "?"));
            assertTrue(vault.isErased(connection, customer));
            assertFalse(vault.isErased(connection, reviewer));
            connection.commit();
            try (ResultSet left = connection.createStatement().executeQuery(
                    "SELECT COUNT(*) FROM ledger_vault_field WHERE pseudonym = '" + customer + "'")) {
                left.next();
                assertEquals(0, left.getLong(1), "ciphertexts gone with the key");
            }
            assertNotEquals(customer, vault.pseudonymFor(connection, PersonKind.DATA_SUBJECT, "customer-4711"),
                    "a returning person cannot be linked to their erased pseudonym");
        }
        ledger.sealAll();
        ledger.checkpointNow();

        try (Connection connection = ledger.dataSource.getConnection()) {
            LedgerQueries queries = new LedgerQueries();
            List<SealedEntry> aboutCustomer = queries.entries(connection,
                    EntryFilter.builder().subjectId(customer).build(), OptionalLong.empty(), 100).entries();
            assertEquals(List.of("review.decision.approved", Pseudonyms.SUBJECT_REVEALED, Pseudonyms.SUBJECT_ERASED),
                    aboutCustomer.stream().map(e -> e.entry().actionType()).toList());
            assertTrue(aboutCustomer.stream().allMatch(e -> e.erasedPseudonyms().contains(customer)),
                    "entries name the erased subject as such");
            assertEquals(AUDITOR.pseudonym(), aboutCustomer.get(1).entry().actorPseudonym());
            assertEquals(LedgerRecord.digestOf("complaint 2026-17"), aboutCustomer.get(1).entry().rationaleDigest().orElseThrow());
        }
        assertTrue(ledger.verifyOnline(0).verified());
        VerificationReport offline = LedgerHarness.verifyOffline(ledger.export(BundleRequest.wholeLog()), ledger.trust(),
                Optional.empty());
        assertTrue(offline.verified(), () -> offline.failure().orElseThrow().getMessage());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void newSubjectsAreStoredWithTheirPersonalDataInTheCallersTransactionAndVanishOnRollback(TestDatabase database)
            throws Exception {
        LedgerHarness ledger = new LedgerHarness(database, tmp, 100, 1_000_000);
        Vault vault = new Vault(ledger.keyStore.vaultKey(), ledger.clock);
        try (Connection connection = ledger.dataSource.getConnection()) {
            String earlier = vault.pseudonymFor(connection, PersonKind.DATA_SUBJECT, "wf/key-1");
            Map<String, String> stored = vault.storedPseudonyms(connection, PersonKind.DATA_SUBJECT,
                    List.of("wf/key-1", "wf/key-2", "wf/key-3"));
            assertEquals(Map.of("wf/key-1", earlier), stored, "only the subject stored already is found");

            connection.setAutoCommit(false);
            String second = vault.drawPseudonym();
            String third = vault.drawPseudonym();
            vault.storeSubjects(connection, PersonKind.DATA_SUBJECT, Map.of("wf/key-2", second, "wf/key-3", third),
                    Map.of("wf/key-2", Map.of("customer.email", "jo@example.com"), "wf/key-3", Map.of()));
            connection.rollback();
            assertEquals(Map.of("wf/key-1", earlier), vault.storedPseudonyms(connection, PersonKind.DATA_SUBJECT,
                    List.of("wf/key-2", "wf/key-3", "wf/key-1")), "a rollback leaves no subject");
            try (ResultSet fields = connection.createStatement().executeQuery(
                    "SELECT count(*) FROM ledger_vault_field WHERE pseudonym = '" + second + "'")) {
                fields.next();
                assertEquals(0, fields.getInt(1), "and no field");
            }

            vault.storeSubjects(connection, PersonKind.DATA_SUBJECT, Map.of("wf/key-2", second, "wf/key-3", third),
                    Map.of("wf/key-2", Map.of("customer.email", "jo@example.com", "customer.name", "Jo"), "wf/key-3", Map.of()));
            connection.commit();
            assertEquals(Map.of("wf/key-1", earlier, "wf/key-2", second, "wf/key-3", third), vault.storedPseudonyms(
                    connection, PersonKind.DATA_SUBJECT, List.of("wf/key-1", "wf/key-2", "wf/key-3")));
            assertEquals(second, vault.pseudonymFor(connection, PersonKind.DATA_SUBJECT, "wf/key-2"),
                    "a stored subject is the person's pseudonym ever after");
            RevealedSubject revealed = vault.reveal(connection, second, AUDITOR, "complaint 2026-18");
            connection.commit();
            assertEquals("wf/key-2", revealed.identity());
            assertEquals(Map.of("customer.email", "jo@example.com", "customer.name", "Jo"), revealed.fields(),
                    "the fields decrypt under the subject's key");
            assertThrows(java.sql.SQLException.class, () -> vault.storeSubjects(connection, PersonKind.DATA_SUBJECT,
                    Map.of("wf/key-3", vault.drawPseudonym()), Map.of()), "a second subject for one identity is refused");
            connection.rollback();
            assertThrows(IllegalArgumentException.class, () -> vault.storeSubjects(connection, PersonKind.DATA_SUBJECT,
                    Map.of("wf/key-4", vault.drawPseudonym()), Map.of("wf/key-4", Map.of("oversight.identity", "x"))),
                    "reserved field names are refused");
            connection.rollback();
        }
    }
}
