package io.oversight.app.demo;

/** The demo workflows the demo model predicts for (seeded by the governance module's demo data), in posting order. */
public enum DemoWorkflow {

    LOAN_DISPUTES("loan-dispute-triage"),
    CONTENT_MODERATION("content-moderation");

    private final String key;

    DemoWorkflow(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
