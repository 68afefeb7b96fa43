package io.oversight.app.signin;

import java.util.List;

/**
 * The address a request comes from, as the throttle counts it. Behind a reverse proxy every request
 * comes from the proxy, so when the direct peer is one the operator declared trusted
 * ({@code oversight.security.trustedProxies}) the client is the last address in
 * {@code X-Forwarded-For} that is not itself a trusted proxy. Anyone can write that header, so it is
 * believed only from trusted proxies.
 */
public final class ClientAddress {

    /** Longest address kept; IPv6 with a zone fits. */
    static final int MAX_LENGTH = 64;

    private ClientAddress() {
    }

    public static String of(String remoteAddress, String forwardedFor, List<String> trustedProxies) {
        String peer = remoteAddress == null ? "unknown" : remoteAddress.strip();
        if (forwardedFor == null || forwardedFor.isBlank() || !trustedProxies.contains(peer)) {
            return clip(peer);
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return clip(hop);
            }
        }
        return clip(peer);
    }

    private static String clip(String address) {
        return address.length() <= MAX_LENGTH ? address : address.substring(0, MAX_LENGTH);
    }
}
