package io.oversight.app.startup;

import java.util.Locale;
import java.util.Optional;

/**
 * Keeps demo mode off databases that may hold real data. Demo mode creates accounts whose password is
 * published in the README and generates the ledger's keys, which belongs only on the throwaway
 * embedded database; on any other database it is refused unless an operator forces it.
 */
final class DemoModeGuard {

    private static final String EMBEDDED_FILE = "jdbc:h2:file:";
    private static final String EMBEDDED_MEMORY = "jdbc:h2:mem:";

    private DemoModeGuard() {
    }

    /**
     * Why start-up must stop, if it must.
     *
     * @param databaseUrl the JDBC URL the data source reports
     */
    static Optional<String> refusal(boolean demoMode, boolean forced, String databaseUrl) {
        if (!demoMode || forced || isEmbedded(databaseUrl)) {
            return Optional.empty();
        }
        return Optional.of("Demo mode (oversight.demo=true) is refused on the database " + withoutOptions(databaseUrl)
                + ", which is not the embedded H2 database: demo mode creates accounts with a published password."
                + " Set OVERSIGHT_DEMO=false, or OVERSIGHT_DEMO_FORCE=true to run the demo on this database anyway.");
    }

    static boolean isEmbedded(String databaseUrl) {
        String url = databaseUrl.toLowerCase(Locale.ROOT);
        return url.startsWith(EMBEDDED_FILE) || url.startsWith(EMBEDDED_MEMORY);
    }

    /** Options may carry credentials (a password parameter), and the log is no place for them. */
    private static String withoutOptions(String databaseUrl) {
        int options = databaseUrl.length();
        for (char separator : new char[] {'?', ';'}) {
            int at = databaseUrl.indexOf(separator);
            if (at >= 0) {
                options = Math.min(options, at);
            }
        }
        return databaseUrl.substring(0, options);
    }
}
