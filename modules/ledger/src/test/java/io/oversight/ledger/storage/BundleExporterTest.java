package io.oversight.ledger.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.kernel.testing.TestDatabase;
import io.oversight.ledger.BundleRequest;
import io.oversight.ledger.LedgerRangeException;
import io.oversight.ledger.format.Checkpoint;
import io.oversight.ledger.format.VerificationReport;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Which checkpoints and which prefix an exported bundle carries (ADR 0024), on H2 and PostgreSQL:
 * the range's first checkpoint, the one it ends at and those asked for, never all of them; entry
 * {@code from - 1} for a range not starting at 0.
 */
class BundleExporterTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBundleCarriesItsEdgeCheckpointsAndThoseAskedForOnly(TestDatabase database) throws Exception {
        LedgerHarness ledger = new LedgerHarness(database, tmp, 10, 1_000);
        ledger.grow(200, 10);
        List<Long> signed = checkpointSizes(ledger);
        assertEquals(20, signed.size(), "one checkpoint per batch: " + signed);

        Path whole = ledger.export(BundleRequest.wholeLog());
        assertEquals(List.of(10L, 200L), bundledCheckpoints(whole), "the first at or after entry 0, and the latest");
        assertTrue(LedgerHarness.verifyOffline(whole, ledger.trust(), Optional.empty()).verified());

        BundleRequest range = new BundleRequest(55, OptionalLong.of(125), OptionalLong.empty()).withCheckpoints(List.of(90L, 70L));
        Path bundle = ledger.export(range);
        assertEquals(List.of(60L, 70L, 90L, 130L), bundledCheckpoints(bundle), "edges 60 and 130 (to rounded up), and 70, 90");
        VerificationReport report = LedgerHarness.verifyOffline(bundle, ledger.trust(), Optional.empty());
        assertTrue(report.verified(), () -> report.failure().orElseThrow().getMessage());
        assertEquals(List.of(60L, 70L, 90L, 130L), report.verifiedCheckpoints().stream().map(Checkpoint::size).toList());
        try (ZipFile zip = new ZipFile(bundle.toFile()); Connection connection = ledger.dataSource.getConnection()) {
            assertArrayEquals(Prefixes.entryBytes(connection, 54), zip.getInputStream(zip.getEntry("previous-entry.bin")).readAllBytes());
            assertTrue(new String(zip.getInputStream(zip.getEntry("bundle.properties")).readAllBytes()).startsWith("format-version=2\n"));
        }

        Path atACheckpoint = ledger.export(new BundleRequest(60, OptionalLong.empty(), OptionalLong.empty()));
        assertEquals(List.of(60L, 200L), bundledCheckpoints(atACheckpoint), "a checkpoint at the start size is the lower edge");
        assertTrue(LedgerHarness.verifyOffline(atACheckpoint, ledger.trust(), Optional.empty()).verified());

        LedgerRangeException unsigned = assertThrows(LedgerRangeException.class,
                () -> ledger.export(range.withCheckpoints(List.of(75L))));
        assertTrue(unsigned.getMessage().contains("no checkpoint was signed at tree size 75"), unsigned.getMessage());
    }

    @Test
    void requestsOutsideTheRangeOrTooManyAreRefusedBeforeExporting() {
        assertThrows(IllegalArgumentException.class, () -> new BundleRequest(55, OptionalLong.of(125), OptionalLong.empty())
                .withCheckpoints(List.of(50L)));
        assertThrows(IllegalArgumentException.class, () -> new BundleRequest(55, OptionalLong.of(125), OptionalLong.empty())
                .withCheckpoints(List.of(126L)));
        assertThrows(IllegalArgumentException.class, () -> new BundleRequest(0, OptionalLong.empty(), OptionalLong.empty())
                .withCheckpoints(List.of(0L)));
        List<Long> many = new ArrayList<>();
        for (long s = 1; s <= BundleRequest.MAX_REQUESTED_CHECKPOINTS + 1; s++) {
            many.add(s);
        }
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> BundleRequest.wholeLog().withCheckpoints(many));
        assertTrue(tooMany.getMessage().contains("at most " + BundleRequest.MAX_REQUESTED_CHECKPOINTS), tooMany.getMessage());
        assertEquals(BundleRequest.MAX_REQUESTED_CHECKPOINTS,
                BundleRequest.wholeLog().withCheckpoints(many.subList(0, BundleRequest.MAX_REQUESTED_CHECKPOINTS))
                        .checkpointSizes().size());
    }

    private static List<Long> bundledCheckpoints(Path bundle) throws IOException {
        List<Long> sizes = new ArrayList<>();
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                String name = entry.getName();
                if (name.startsWith("checkpoints/")) {
                    assertTrue(name.matches("checkpoints/[0-9]{20}\\.note"), name);
                    sizes.add(Long.parseLong(name.substring("checkpoints/".length(), name.length() - ".note".length())));
                }
            }
        }
        Collections.sort(sizes);
        return sizes;
    }

    private static List<Long> checkpointSizes(LedgerHarness ledger) throws Exception {
        List<Long> sizes = new ArrayList<>();
        try (Connection connection = ledger.dataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery("SELECT tree_size FROM ledger_checkpoint ORDER BY tree_size")) {
            while (rows.next()) {
                sizes.add(rows.getLong(1));
            }
        }
        return sizes;
    }
}
