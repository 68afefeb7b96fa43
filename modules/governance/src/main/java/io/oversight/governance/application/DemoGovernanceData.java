package io.oversight.governance.application;

import java.util.HexFormat;
import io.oversight.kernel.CanonicalJson;
import io.oversight.governance.ContentFormat;
import io.oversight.governance.ExampleKind;
import io.oversight.governance.GuidelineStatus;
import io.oversight.governance.IntegrationMode;
import io.oversight.governance.LabelSelection;
import io.oversight.governance.LowConfidenceOutcome;
import io.oversight.governance.ModelStatus;
import io.oversight.governance.RiskLevel;
import io.oversight.governance.TaskKind;
import io.oversight.governance.domain.ExampleSpec;
import io.oversight.governance.domain.GuidelineContent;
import io.oversight.governance.domain.LabelSpec;
import io.oversight.governance.domain.ReviewerViewRules;
import io.oversight.governance.domain.ModelRegistration;
import io.oversight.governance.domain.PolicyContent;
import io.oversight.governance.domain.PolicyContent.BandSpec;
import io.oversight.governance.domain.PolicyContent.SlaSpec;
import io.oversight.governance.domain.PolicyContent.ThresholdSpec;
import io.oversight.governance.domain.WorkflowSettings;
import io.oversight.ledger.Actor;
import io.oversight.ledger.PlatformStarted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Demo mode: two fully configured workflows (taxonomy, active guideline version, active
 * routing policy, active model snapshot), so that a new user sees a working setup at once. Created
 * through the same services as everything else, so each step is in the ledger, by the platform's
 * own actor. Runs once: an existing workflow is left alone.
 */
@ApplicationScoped
public class DemoGovernanceData {

    private static final Logger LOG = Logger.getLogger(DemoGovernanceData.class.getName());
    private static final Actor SEEDER = Actor.system("demo-data");

    @Inject
    DefaultWorkflowService workflows;

    @Inject
    DefaultGuidelineService guidelines;

    @Inject
    DefaultRoutingPolicyService policies;

    @Inject
    DefaultModelRegistry models;

    @Inject
    DefaultReviewerViews reviewerViews;

    void onStart(@Observes PlatformStarted started) {
        if (!started.demoMode()) {
            return;
        }
        try {
            seedLoanDisputes();
            seedContentModeration();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Demo governance data could not be created: " + e.getMessage(), e);
        }
    }

    void seedLoanDisputes() {
        String key = "loan-dispute-triage";
        if (workflows.find(key).isPresent()) {
            return;
        }
        workflows.create(new WorkflowSettings(key, "Loan dispute triage",
                "Customers dispute loan charges; the model proposes a category and a person confirms the risky ones.",
                RiskLevel.HIGH, RiskLevel.MEDIUM, RiskLevel.HIGH, IntegrationMode.ASYNC, 2, 365 * 7, false,
                List.of("customer.name", "customer.email", "customer.iban"), TaskKind.CLASSIFICATION,
                LabelSelection.LEAF_ONLY), SEEDER);
        workflows.replaceTaxonomy(key, List.of(
                new LabelSpec("fraud", null, "Fraud", "The customer did not authorise the charge.", null),
                new LabelSpec("card-not-present", "fraud", "Card not present", "Online or phone charge without the card.", null),
                new LabelSpec("account-takeover", "fraud", "Account takeover", "Someone else controlled the account.", null),
                new LabelSpec("billing-error", null, "Billing error", "The charge was authorised but wrong.", null),
                new LabelSpec("duplicate-charge", "billing-error", "Duplicate charge", "Charged twice for one thing.", null),
                new LabelSpec("wrong-amount", "billing-error", "Wrong amount", "Charged a different amount.", null),
                new LabelSpec("no-dispute", null, "Not a dispute", "A question or complaint, not a dispute.", null)), SEEDER);
        activateGuideline(key, """
                # Classifying loan disputes

                Read the customer's message and the transaction. Pick the **most specific** label.

                - If the customer says they did not make the payment, it is *fraud*.
                - If they made it but the amount or count is wrong, it is a *billing error*.
                - Questions about interest rates are **not disputes**.
                """, List.of(
                new ExampleSpec("card-not-present", ExampleKind.EXAMPLE,
                        "I never bought anything from this web shop.", "Unrecognised online merchant."),
                new ExampleSpec("duplicate-charge", ExampleKind.EDGE_CASE,
                        "Two charges of 40 EUR, but I ordered twice.", "Not a duplicate if two orders exist: no-dispute.")));
        // half of the auto-accepted disputes are sampled for audit (a production policy samples far fewer), so
        // the dashboard's auto-accept error monitor has its minimum of audits within the demo's first minutes
        activatePolicy(key, new PolicyContent(0.95, 0.2, LowConfidenceOutcome.ESCALATE,
                List.of(new BandSpec(0.2, 2), new BandSpec(0.7, 1)),
                List.of(new ThresholdSpec("account-takeover", 0.99, 0.5)),
                List.of("amount > 10000 -> tier 3", "customer.vulnerable == true -> tier 3"), 0.5,
                List.of(new SlaSpec(1, 240, 500), new SlaSpec(2, 480, 200), new SlaSpec(3, 1440, 50))));
        activateModel(key, "dispute-classifier", "2026.11.1",
                List.of("card-not-present", "account-takeover", "duplicate-charge", "wrong-amount", "no-dispute"));
        reviewerViews.change(key, List.of(
                new ReviewerViewRules.FieldRequest("/text", "Customer's message", "PARAGRAPHS"),
                new ReviewerViewRules.FieldRequest("/amount", "Amount", "NUMBER"),
                new ReviewerViewRules.FieldRequest("/currency", "Currency", "TEXT"),
                new ReviewerViewRules.FieldRequest("/merchant", "Merchant", "TEXT"),
                new ReviewerViewRules.FieldRequest("/date", "Date", "DATE")), List.of(), SEEDER);
        LOG.info("Demo workflow " + key + " created.");
    }

    void seedContentModeration() {
        String key = "content-moderation";
        if (workflows.find(key).isPresent()) {
            return;
        }
        workflows.create(new WorkflowSettings(key, "Content moderation",
                "User posts flagged by the toxicity model; people decide what is removed.",
                RiskLevel.MEDIUM, RiskLevel.HIGH, RiskLevel.MEDIUM, IntegrationMode.INLINE, 1, 365, false,
                List.of("author.handle"), TaskKind.CLASSIFICATION, LabelSelection.ANY_NODE), SEEDER);
        workflows.replaceTaxonomy(key, List.of(
                new LabelSpec("allowed", null, "Allowed", "Nothing to remove.", null),
                new LabelSpec("harmful", null, "Harmful", "Breaks the community rules.", null),
                new LabelSpec("harassment", "harmful", "Harassment", "Targets a person.", null),
                new LabelSpec("hate", "harmful", "Hate speech", "Attacks a protected group.", null),
                new LabelSpec("spam", "harmful", "Spam", "Unsolicited advertising or scams.", null)), SEEDER);
        activateGuideline(key, """
                # Moderating posts

                Remove a post only when it clearly breaks a rule; when in doubt choose the parent label *harmful*
                and explain why.
                """, List.of(new ExampleSpec("spam", ExampleKind.EXAMPLE, "Buy cheap watches at example.test!", "")));
        activatePolicy(key, new PolicyContent(0.9, 0.1, LowConfidenceOutcome.AUTO_REJECT,
                List.of(new BandSpec(0.1, 1)), List.of(), List.of("reports >= 5 -> tier 2"), 0.02,
                List.of(new SlaSpec(1, 60, 1000), new SlaSpec(2, 240, 200))));
        activateModel(key, "toxicity", "3.2.0", List.of("allowed", "harassment", "hate", "spam"));
        LOG.info("Demo workflow " + key + " created.");
    }

    private void activateGuideline(String key, String instructions, List<ExampleSpec> examples) {
        String id = guidelines.createDraft(key, new GuidelineContent(ContentFormat.MARKDOWN, instructions, examples), SEEDER).id();
        guidelines.moveTo(id, GuidelineStatus.PILOT, SEEDER);
        guidelines.moveTo(id, GuidelineStatus.ACTIVE, SEEDER);
    }

    private void activatePolicy(String key, PolicyContent content) {
        policies.activate(policies.createDraft(key, content, SEEDER).id(), SEEDER);
    }

    private void activateModel(String key, String name, String version, List<String> labels) {
        String digest = HexFormat.of().formatHex(CanonicalJson.sha256(name + "@" + version));
        String id = models.register(new ModelRegistration(key, name, version, "sha256:" + digest, null, labels),
                SEEDER).id();
        models.promote(id, ModelStatus.ACTIVE, "Demo data: the snapshot in production.", SEEDER);
    }
}
