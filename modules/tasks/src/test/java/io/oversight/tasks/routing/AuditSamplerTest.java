package io.oversight.tasks.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AuditSamplerTest {

    @Test
    void theDrawIsTheFirst53BitsOfTheDigest() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest("seed-1\nclaims\nclient-42".getBytes(StandardCharsets.UTF_8));
        // the first 8 bytes as an unsigned number, shifted down to 53 bits, over 2^53
        BigInteger first64 = new BigInteger(1, Arrays.copyOf(digest, 8));
        double expected = first64.shiftRight(11).doubleValue() / Math.pow(2, 53);
        assertEquals(expected, AuditSampler.draw("seed-1", "claims", "client-42"));
    }

    @Test
    void theSameInputsDrawTheSameNumber() {
        assertEquals(AuditSampler.draw("seed-1", "claims", "client-42"), AuditSampler.draw("seed-1", "claims", "client-42"));
        assertNotEquals(AuditSampler.draw("seed-1", "claims", "client-42"), AuditSampler.draw("seed-2", "claims", "client-42"));
        assertNotEquals(AuditSampler.draw("seed-1", "claims", "client-42"), AuditSampler.draw("seed-1", "claims", "client-43"));
    }

    @Test
    void theSeparatorKeepsFieldsApart() {
        assertNotEquals(AuditSampler.draw("s", "ab", "c"), AuditSampler.draw("s", "a", "bc"));
    }

    @Test
    void aTenPercentRateSamplesAboutATenth() {
        int sampled = 0;
        for (int i = 0; i < 10_000; i++) {
            double draw = AuditSampler.draw("2026-11-audit", "claims", "client-" + i);
            assertTrue(draw >= 0 && draw < 1);
            if (AuditSampler.sampled(draw, 0.1)) {
                sampled++;
            }
        }
        assertTrue(sampled >= 850 && sampled <= 1150, sampled + " of 10000 sampled");
    }

    @Test
    void rateZeroNeverSamplesAndRateOneAlwaysDoes() {
        for (int i = 0; i < 1_000; i++) {
            double draw = AuditSampler.draw("seed", "claims", "client-" + i);
            assertFalse(AuditSampler.sampled(draw, 0));
            assertTrue(AuditSampler.sampled(draw, 1));
        }
        assertFalse(AuditSampler.sampled(0.0, 0));
        assertTrue(AuditSampler.sampled(Math.nextDown(1.0), 1));
    }

    @Test
    void outOfRangeArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> AuditSampler.sampled(0.5, 1.5));
        assertThrows(IllegalArgumentException.class, () -> AuditSampler.sampled(0.5, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> AuditSampler.sampled(1.0, 0.5));
    }
}
