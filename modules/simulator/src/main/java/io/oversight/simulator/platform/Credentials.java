package io.oversight.simulator.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** An account's HTTP Basic credentials. */
public record Credentials(String login, String password) {

    /** Parses {@code login:password}. */
    public static Credentials parse(String loginColonPassword) {
        int colon = loginColonPassword.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("credentials must be login:password");
        }
        return new Credentials(loginColonPassword.substring(0, colon), loginColonPassword.substring(colon + 1));
    }

    String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return login;
    }
}
