package io.oversight.app.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoModeGuardTest {

    private static final String POSTGRES = "jdbc:postgresql://db.example.com:5432/oversight?password=s3cret&ssl=true";

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:file:/srv/liberty/data/oversight;MODE=Regular;DB_CLOSE_ON_EXIT=FALSE",
            "jdbc:h2:mem:demo", "JDBC:H2:FILE:/tmp/oversight"})
    void demoModeRunsOnTheEmbeddedDatabase(String url) {
        assertEquals(Optional.empty(), DemoModeGuard.refusal(true, false, url));
    }

    @ParameterizedTest
    @ValueSource(strings = {POSTGRES, "jdbc:h2:tcp://db.example.com:9092/oversight", "jdbc:h2:ssl://db.example.com/x",
            "jdbc:mariadb://localhost/oversight"})
    void demoModeIsRefusedOnAnyOtherDatabase(String url) {
        String why = DemoModeGuard.refusal(true, false, url).orElseThrow();
        assertTrue(why.contains("OVERSIGHT_DEMO=false") && why.contains("OVERSIGHT_DEMO_FORCE=true"),
                "says how to fix it: " + why);
    }

    @Test
    void theRefusalNamesTheDatabaseWithoutItsOptions() {
        String why = DemoModeGuard.refusal(true, false, POSTGRES).orElseThrow();
        assertTrue(why.contains("jdbc:postgresql://db.example.com:5432/oversight,"), why);
        assertFalse(why.contains("s3cret"), "no credentials in the log: " + why);
        String h2 = DemoModeGuard.refusal(true, false, "jdbc:h2:tcp://h/x;PASSWORD=s3cret").orElseThrow();
        assertFalse(h2.contains("s3cret"), h2);
    }

    @Test
    void anOperatorMayForceDemoModeOnAnotherDatabase() {
        assertEquals(Optional.empty(), DemoModeGuard.refusal(true, true, POSTGRES));
    }

    @Test
    void withoutDemoModeNoDatabaseIsRefused() {
        assertEquals(Optional.empty(), DemoModeGuard.refusal(false, false, POSTGRES));
        assertEquals(Optional.empty(), DemoModeGuard.refusal(false, false, "jdbc:h2:tcp://h/x"));
    }
}
