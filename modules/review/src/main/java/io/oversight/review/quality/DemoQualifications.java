package io.oversight.review.quality;

import io.oversight.ledger.Database;
import io.oversight.governance.Workflow;
import io.oversight.governance.Workflows;
import io.oversight.ledger.Actor;
import io.oversight.ledger.PlatformStarted;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * In demo mode, qualifies the demo reviewers for every workflow, so a prediction posted to the demo
 * server reaches someone's queue: anna tier 1, rita tier 2, ed and ada tier 3.
 */
@ApplicationScoped
public class DemoQualifications {

    static final Map<String, Integer> DEMO_REVIEWERS = Map.of("anna", 1, "rita", 2, "ed", 3, "ada", 3);
    /** The expert may reveal personal data of items they hold, so the demo shows a reveal (and its ledger entry). */
    static final String DEMO_PII_REVIEWER = "ed";

    @Inject
    QualificationService qualifications;

    @Inject
    Database database;

    @Inject
    Workflows workflows;

    @Inject
    QualificationStore qualificationStore;

    /** After the governance demo data (default priority), so its workflows exist. */
    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 600) PlatformStarted started) {
        if (!started.demoMode()) {
            return;
        }
        for (Workflow workflow : workflows.list()) {
            DEMO_REVIEWERS.forEach((login, tier) -> {
                boolean held = database.run("reading a qualification",
                        c -> qualificationStore.qualification(c, login, workflow.key())).isPresent();
                if (!held) {
                    qualifications.grantAs(Actor.system("demo-data"), login, workflow.key(), tier,
                            DEMO_PII_REVIEWER.equals(login));
                }
            });
        }
    }
}
