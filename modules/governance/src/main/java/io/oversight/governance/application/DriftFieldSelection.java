package io.oversight.governance.application;

import io.oversight.governance.DriftField;
import io.oversight.governance.Workflow;
import io.oversight.governance.infrastructure.MonitorConfigStore;
import io.oversight.ledger.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The drift fields of a workflow as intake sees them, read at most once per {@link #FRESHNESS} per
 * server: intake must not pay a settings query per request, and a change reaches every server of a
 * cluster within that time. A field that is (or lies under) a declared personal-data path is dropped
 * here as well as refused when the settings are saved, so a personal-data declaration made later
 * still wins.
 */
@ApplicationScoped
public class DriftFieldSelection {

    static final Duration FRESHNESS = Duration.ofSeconds(10);

    private record Selection(List<DriftField> fields, Instant readAt) {
    }

    private final Map<String, Selection> selections = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    @Inject
    Database database;

    @Inject
    DefaultWorkflowService workflows;

    @Inject
    MonitorConfigStore monitorConfigStore;

    public List<DriftField> fieldsOf(String workflowKey) {
        Instant now = clock.instant();
        Selection cached = selections.get(workflowKey);
        if (cached != null && cached.readAt().plus(FRESHNESS).isAfter(now)) {
            return cached.fields();
        }
        List<String> personal = workflows.find(workflowKey).map(Workflow::piiFieldPaths).orElse(List.of());
        List<DriftField> fields = database.run("reading drift fields",
                c -> monitorConfigStore.settings(c, workflowKey)).driftFields().stream()
                .filter(f -> !isPersonal(f.path(), personal)).toList();
        selections.put(workflowKey, new Selection(fields, now));
        return fields;
    }

    /** Whether a path is a declared personal-data path, lies under one, or contains one. */
    static boolean isPersonal(String path, List<String> personalPaths) {
        return personalPaths.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + ".") || p.startsWith(path + "."));
    }
}
