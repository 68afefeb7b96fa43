package io.oversight.app.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static final List<String> PROXIES = List.of("10.0.0.5", "10.0.0.6");

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeaderSays() {
        assertEquals("192.0.2.7", ClientAddress.of("192.0.2.7", "203.0.113.9", List.of()));
        assertEquals("192.0.2.7", ClientAddress.of("192.0.2.7", "203.0.113.9", PROXIES), "the peer is no trusted proxy");
    }

    @Test
    void behindATrustedProxyTheClientIsTheLastUntrustedHop() {
        assertEquals("203.0.113.9", ClientAddress.of("10.0.0.5", "203.0.113.9", PROXIES));
        assertEquals("203.0.113.9", ClientAddress.of("10.0.0.5", "198.51.100.1, 203.0.113.9, 10.0.0.6", PROXIES),
                "a forged first hop written by the client is ignored");
    }

    @Test
    void aTrustedProxyWithoutAUsableHeaderIsItselfTheClient() {
        assertEquals("10.0.0.5", ClientAddress.of("10.0.0.5", null, PROXIES));
        assertEquals("10.0.0.5", ClientAddress.of("10.0.0.5", " , ", PROXIES));
        assertEquals("10.0.0.5", ClientAddress.of("10.0.0.5", "10.0.0.6", PROXIES));
    }

    @Test
    void overlongAddressesAreClipped() {
        assertEquals(64, ClientAddress.of("10.0.0.5", "x".repeat(500), PROXIES).length());
    }
}
