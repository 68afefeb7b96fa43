package io.oversight.app.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiTokenSecretTest {

    private static final String WELL_FORMED = "ovt_" + "A".repeat(20) + "b-_9" + "z".repeat(19);

    @Test
    void generatedTokensAreWellFormedAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ApiTokenSecret token = ApiTokenSecret.generate();
            assertTrue(token.value().matches("ovt_[A-Za-z0-9_-]{43}"), token.value());
            assertTrue(seen.add(token.value()), "a repeated token");
        }
    }

    @Test
    void theDigestIsTheSha256OfTheWholeTokenInLowerCaseHex() {
        // printf '%s' ovt_AAAAAAAAAAAAAAAAAAAAb-_9zzzzzzzzzzzzzzzzzzz | sha256sum
        assertEquals("e81a3fd4bf7591a90b2f299b2e398ef9c13d6d8b93f733f5cd2fd5b9f255c5ba",
                new ApiTokenSecret(WELL_FORMED).digest());
        assertNotEquals(new ApiTokenSecret(WELL_FORMED).digest(),
                new ApiTokenSecret(WELL_FORMED.replace("b-_9", "b-_8")).digest());
    }

    @Test
    void aBearerHeaderYieldsItsTokenWhateverTheSchemesCaseAndSurroundingBlanks() {
        assertEquals(Optional.of(new ApiTokenSecret(WELL_FORMED)), ApiTokenSecret.fromAuthorization("Bearer " + WELL_FORMED));
        assertEquals(Optional.of(new ApiTokenSecret(WELL_FORMED)), ApiTokenSecret.fromAuthorization("bearer   " + WELL_FORMED + " "));
        assertEquals(Optional.of(new ApiTokenSecret(WELL_FORMED)), ApiTokenSecret.fromAuthorization("BEARER " + WELL_FORMED));
    }

    @Test
    void malformedBearerHeadersYieldNoTokenButStillCountAsBearer() {
        for (String header : new String[] {"Bearer", "Bearer ", "Bearer abc", "Bearer " + WELL_FORMED + "x",
                "Bearer " + WELL_FORMED.substring(1), "Bearer ovt_" + "é".repeat(43), "Bearer " + WELL_FORMED + " extra"}) {
            assertEquals(Optional.empty(), ApiTokenSecret.fromAuthorization(header), header);
            assertTrue(ApiTokenSecret.isBearer(header), header);
        }
    }

    @Test
    void otherSchemesAreNotBearer() {
        for (String header : new String[] {null, "", "Basic YWxleDpwdw==", "Bearerovt_x", "Token " + WELL_FORMED, WELL_FORMED}) {
            assertFalse(ApiTokenSecret.isBearer(header), String.valueOf(header));
            assertEquals(Optional.empty(), ApiTokenSecret.fromAuthorization(header), String.valueOf(header));
        }
    }

    @Test
    void anythingButAWellFormedTokenIsRefusedAtConstruction() {
        assertThrows(IllegalArgumentException.class, () -> new ApiTokenSecret("ovt_short"));
        assertThrows(IllegalArgumentException.class, () -> new ApiTokenSecret(WELL_FORMED.replace("ovt_", "xyz_")));
    }

    @Test
    void theTextFormShowsOnlyTheHintNeverTheSecret() {
        ApiTokenSecret token = new ApiTokenSecret(WELL_FORMED);
        assertEquals("ovt_AAAAAA", token.hint());
        assertFalse(token.toString().contains(WELL_FORMED.substring(12)), token.toString());
    }
}
