package io.oversight.tasks.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] SECRET = "test-secret-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BODY = "{\"task\":\"t-1\",\"outcome\":\"approved\"}".getBytes(StandardCharsets.UTF_8);
    private static final long SENT = 1_790_000_000L;
    private static final long TOLERANCE = 300;

    @Test
    void theSignatureIsTheHmacOfTimestampDotBody() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        String expected = HexFormat.of().formatHex(
                mac.doFinal("1790000000.{\"task\":\"t-1\",\"outcome\":\"approved\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("t=1790000000,v1=" + expected, WebhookSignature.sign(SECRET, SENT, BODY));
    }

    /** The API and the intake-settings page both rely on this: a secret exists exactly while a URL does. */
    @Test
    void aSecretIsCreatedWithTheFirstUrlKeptUntilRotatedAndDroppedWithTheUrl() {
        Optional<URI> url = Optional.of(URI.create("https://receiver.example.org/hook"));
        String created = WebhookSignature.secretFor(url, Optional.empty(), false).orElseThrow();
        assertTrue(created.startsWith("whsec_"), created);
        assertEquals(Optional.of(created), WebhookSignature.secretFor(url, Optional.of(created), false));
        String rotated = WebhookSignature.secretFor(url, Optional.of(created), true).orElseThrow();
        assertFalse(rotated.equals(created), "rotation makes a new secret");
        assertEquals(Optional.empty(), WebhookSignature.secretFor(Optional.empty(), Optional.of(created), true));
    }

    @Test
    void aKnownVector() {
        // computed once with another implementation (Python's hmac module) for this secret, time and body
        assertEquals("t=1790000000,v1=4f55ee258235a31e127e6502f605e3c84d30dab375300404058ef33553da6126",
                WebhookSignature.sign(SECRET, SENT, BODY));
    }

    @Test
    void aFreshSignatureVerifies() {
        String header = WebhookSignature.sign(SECRET, SENT, BODY);
        assertTrue(WebhookSignature.verify(SECRET, header, BODY, SENT, TOLERANCE));
        assertTrue(WebhookSignature.verify(SECRET, header, BODY, SENT + TOLERANCE, TOLERANCE));
        assertTrue(WebhookSignature.verify(SECRET, header, BODY, SENT - TOLERANCE, TOLERANCE));
    }

    @Test
    void aTamperedBodyFails() {
        String header = WebhookSignature.sign(SECRET, SENT, BODY);
        byte[] tampered = "{\"task\":\"t-1\",\"outcome\":\"rejected\"}".getBytes(StandardCharsets.UTF_8);
        assertFalse(WebhookSignature.verify(SECRET, header, tampered, SENT, TOLERANCE));
    }

    @Test
    void aStaleOrFutureTimestampFails() {
        String header = WebhookSignature.sign(SECRET, SENT, BODY);
        assertFalse(WebhookSignature.verify(SECRET, header, BODY, SENT + TOLERANCE + 1, TOLERANCE));
        assertFalse(WebhookSignature.verify(SECRET, header, BODY, SENT - TOLERANCE - 1, TOLERANCE));
    }

    @Test
    void anAlteredTimestampFails() {
        String header = WebhookSignature.sign(SECRET, SENT, BODY).replace("t=1790000000", "t=1790000001");
        assertFalse(WebhookSignature.verify(SECRET, header, BODY, SENT, TOLERANCE));
    }

    @Test
    void anotherSecretFails() {
        String header = WebhookSignature.sign(SECRET, SENT, BODY);
        assertFalse(WebhookSignature.verify("other".getBytes(StandardCharsets.US_ASCII), header, BODY, SENT, TOLERANCE));
    }

    @Test
    void anyOfSeveralSignaturesMayMatchDuringSecretRotation() {
        String oldSecretSignature = WebhookSignature.sign("old".getBytes(StandardCharsets.US_ASCII), SENT, BODY).split(",")[1];
        String header = WebhookSignature.sign(SECRET, SENT, BODY) + "," + oldSecretSignature + ",v0=legacy";
        assertTrue(WebhookSignature.verify(SECRET, header, BODY, SENT, TOLERANCE));
    }

    @Test
    void malformedHeadersFail() {
        String signature = WebhookSignature.sign(SECRET, SENT, BODY).split(",")[1];
        for (String header : new String[] {null, "", "garbage", signature, "t=1790000000", "t=abc," + signature,
                "t=-1790000000," + signature, "t=1790000000,t=1790000000," + signature, "t=1790000000," + signature + ",x",
                "t=1790000000," + signature.toUpperCase().replace("V1=", "v1=")}) {
            assertFalse(WebhookSignature.verify(SECRET, header, BODY, SENT, TOLERANCE), String.valueOf(header));
        }
    }

    @Test
    void secretsRoundTripThroughTheirTextForm() {
        byte[] secret = WebhookSignature.newSecret();
        assertEquals(32, secret.length);
        String encoded = WebhookSignature.encodeSecret(secret);
        assertTrue(encoded.startsWith("whsec_"));
        assertFalse(encoded.contains("=") || encoded.contains("+") || encoded.contains("/"), encoded);
        assertArrayEquals(secret, WebhookSignature.decodeSecret(encoded));
    }

    @Test
    void aSecretEncodesAsUnpaddedBase64Url() {
        assertEquals("whsec_-_8", WebhookSignature.encodeSecret(new byte[] {(byte) 0xfb, (byte) 0xff}));
        assertArrayEquals(new byte[] {(byte) 0xfb, (byte) 0xff}, WebhookSignature.decodeSecret("whsec_-_8"));
    }

    @Test
    void newSecretsDiffer() {
        assertFalse(Arrays.equals(WebhookSignature.newSecret(), WebhookSignature.newSecret()));
    }

    @Test
    void invalidSecretsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> WebhookSignature.decodeSecret("sk_abc"));
        assertThrows(IllegalArgumentException.class, () -> WebhookSignature.decodeSecret("whsec_a*b"));
        assertThrows(IllegalArgumentException.class, () -> WebhookSignature.decodeSecret("whsec_"));
        assertThrows(IllegalArgumentException.class, () -> WebhookSignature.sign(new byte[0], SENT, BODY));
    }
}
