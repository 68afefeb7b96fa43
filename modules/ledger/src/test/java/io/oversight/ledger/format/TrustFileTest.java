package io.oversight.ledger.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrustFileTest {

    private final VerifierKey key = NoteSigner.ed25519(TestLog.ORIGIN, TestLog.SEED).verifierKey();

    @Test
    void roundTripsAndReadsComments() throws Exception {
        List<TrustedKey> keys = List.of(
                new TrustedKey(key, Optional.of(Instant.parse("2025-01-01T00:00:00Z")), Optional.of(Instant.parse("2026-01-01T00:00:00Z"))),
                TrustedKey.always(NoteSigner.ed25519(TestLog.ORIGIN, TestLog.sha("k2")).verifierKey()));
        String text = TrustFile.format(keys);
        assertEquals(keys, TrustFile.parse(bytes(text)));
        assertEquals(keys.subList(1, 2), TrustFile.parse(bytes("# rotated keys\n\n" + text.lines().skip(2).findFirst().orElseThrow() + "\r\n")));
    }

    @Test
    void validityIsHalfOpen() {
        Instant from = Instant.parse("2025-01-01T00:00:00Z");
        Instant to = Instant.parse("2026-01-01T00:00:00Z");
        TrustedKey k = new TrustedKey(key, Optional.of(from), Optional.of(to));
        assertTrue(k.validAt(from));
        assertFalse(k.validAt(from.minusNanos(1000)));
        assertTrue(k.validAt(to.minusNanos(1000)));
        assertFalse(k.validAt(to));
    }

    @Test
    void rejectsMalformedLines() {
        String vkey = key.encode();
        for (String text : List.of("", "# only a comment\n", vkey + "\n", vkey + " - \n", vkey + "  - -\n",
                vkey + " 2025-01-01 -\n", vkey + " - - extra\n", "not-a-key - -\n",
                vkey + " 2026-01-01T00:00:00Z 2025-01-01T00:00:00Z\n")) {
            assertThrows(MalformedTrustException.class, () -> TrustFile.parse(bytes(text)), text);
        }
        MalformedTrustException e = assertThrows(MalformedTrustException.class,
                () -> TrustFile.parse(bytes("# keys\n" + vkey + " - -\n" + vkey + " sometime -\n")));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void boundsAreUtcInstantsWithAtMostMicrosecondFractions() throws Exception {
        String vkey = key.encode();
        for (String ok : List.of("2026-01-01T00:00:00Z", "2026-01-01T00:00:00.5Z", "2026-01-01T00:00:00.250Z",
                "2026-01-01T00:00:00.123456Z", "2024-02-29T23:59:59Z")) {
            assertEquals(Optional.of(Instant.parse(ok)), TrustFile.parse(bytes(vkey + " " + ok + " -\n")).get(0).notBefore(), ok);
        }
        for (String bad : List.of("2026-01-01T00:00:00.1234567Z", "2026-01-01T00:00:00.Z", "2026-01-01T01:00:00+01:00",
                "2026-01-01t00:00:00z", "2026-01-01T00:00Z", "2026-01-01 00:00:00Z", "2026-12-31T23:59:60Z",
                "2026-02-30T00:00:00Z", "1767225600", "+12026-01-01T00:00:00Z")) {
            MalformedTrustException e = assertThrows(MalformedTrustException.class,
                    () -> TrustFile.parse(bytes(vkey + " " + bad + " -\n")), bad);
            assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains(bad), e.getMessage());
        }
    }

    @Test
    void aFractionalBoundIsComparedToTheMicrosecond() throws Exception {
        TrustedKey k = TrustFile.parse(bytes(key.encode() + " 2026-01-01T00:00:00.5Z 2026-01-01T00:00:01.25Z\n")).get(0);
        Instant second = Instant.parse("2026-01-01T00:00:00Z");
        assertFalse(k.validAt(second.plusNanos(499_999_000)), "one microsecond before notBefore");
        assertTrue(k.validAt(second.plusNanos(500_000_000)), "notBefore itself is inside");
        assertTrue(k.validAt(second.plusNanos(1_249_999_000)), "one microsecond before notAfter");
        assertFalse(k.validAt(second.plusNanos(1_250_000_000)), "notAfter itself is outside");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
