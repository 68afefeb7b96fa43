package io.oversight.governance.domain.monitoring;

import java.util.Map;
import java.util.TreeMap;

/** Category counts in compact text ({@code name=count;...}), for labels and routing outcomes. */
public final class Counts {

    private Counts() {
    }

    public static String encode(Map<String, Long> counts) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(counts).forEach((k, v) -> text.append(escape(k)).append('=').append(v).append(';'));
        return text.toString();
    }

    public static Map<String, Long> decode(String text) {
        Map<String, Long> counts = new TreeMap<>();
        if (text == null || text.isEmpty()) {
            return counts;
        }
        for (String pair : text.split(";")) {
            if (!pair.isEmpty()) {
                int eq = pair.lastIndexOf('=');
                counts.merge(unescape(pair.substring(0, eq)), Long.parseLong(pair.substring(eq + 1)), Long::sum);
            }
        }
        return counts;
    }

    // label keys are workflow taxonomy keys, but nothing stops them holding the separators
    private static String escape(String key) {
        return key.replace("%", "%25").replace(";", "%3B").replace("=", "%3D");
    }

    private static String unescape(String key) {
        return key.replace("%3D", "=").replace("%3B", ";").replace("%25", "%");
    }
}
