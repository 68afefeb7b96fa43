package io.oversight.app.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.HashMap;
import java.util.Map;

/**
 * Hashes passwords exactly as the database identity store verifies them. The parameters are
 * declared once here and referenced from {@link SecurityConfiguration}, so hashes written by the
 * application and checks made by the container can never drift apart.
 */
@ApplicationScoped
public class PasswordHashing {

    static final String ALGORITHM = "Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA512";
    /** OWASP password storage guidance for PBKDF2-HMAC-SHA512 (docs/adr/0004). */
    static final String ITERATIONS = "Pbkdf2PasswordHash.Iterations=210000";
    static final String SALT_SIZE = "Pbkdf2PasswordHash.SaltSizeBytes=32";
    static final String KEY_SIZE = "Pbkdf2PasswordHash.KeySizeBytes=64";

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    private volatile boolean initialized;

    public String hash(char[] password) {
        ensureInitialized();
        return pbkdf2.generate(password);
    }

    private void ensureInitialized() {
        if (!initialized) {
            synchronized (this) {
                if (!initialized) {
                    Map<String, String> parameters = new HashMap<>();
                    for (String setting : new String[] {ALGORITHM, ITERATIONS, SALT_SIZE, KEY_SIZE}) {
                        String[] keyValue = setting.split("=", 2);
                        parameters.put(keyValue[0], keyValue[1]);
                    }
                    pbkdf2.initialize(parameters);
                    initialized = true;
                }
            }
        }
    }
}
