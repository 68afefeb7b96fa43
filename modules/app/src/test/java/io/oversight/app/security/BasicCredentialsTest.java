package io.oversight.app.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parsesUserAndPasswordAndKeepsColonsInThePassword() {
        BasicCredentials credentials = BasicCredentials.parse(basic("rita:pa:ss wörd")).orElseThrow();
        assertEquals("rita", credentials.username());
        assertArrayEquals("pa:ss wörd".toCharArray(), credentials.password());
    }

    @Test
    void schemeIsCaseInsensitive() {
        assertTrue(BasicCredentials.parse("bAsIc " + basic("a:b").substring(6)).isPresent());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Bearer abc", "Basic", "Basic ", "Basic !!!notbase64", "Basic Om5vdXNlcg=="})
    void malformedHeadersGiveNoCredentials(String header) {
        assertTrue(BasicCredentials.parse(header).isEmpty(), header);
    }

    @Test
    void missingColonGivesNoCredentials() {
        assertTrue(BasicCredentials.parse(basic("nocolon")).isEmpty());
    }
}
