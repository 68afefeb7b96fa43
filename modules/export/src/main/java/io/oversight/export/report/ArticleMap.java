package io.oversight.export.report;

/**
 * The table mapping EU AI Act articles to the report sections that evidence them. It is part of the
 * schema's content, not configuration: an auditor compares reports across time, so the mapping
 * changes only with the schema version.
 */
final class ArticleMap {

    private ArticleMap() {
    }

    static ComplianceReport.ArticleMapping table() {
        ComplianceReport.ArticleMapping mapping = new ComplianceReport.ArticleMapping();
        mapping.articles.add(article("Art. 12", "Record-keeping",
                evidence("anchoring", "every counted action is a sealed, signed ledger entry; the range, counts per action "
                        + "type and the covering checkpoint let an auditor recompute them from a bundle"),
                evidence("configuration", "policy, guideline and model versions with content digests, and their changes "
                        + "as ledger references")));
        mapping.articles.add(article("Art. 14", "Human oversight",
                evidence("volumes", "which predictions were routed to people, escalated or accepted automatically"),
                evidence("humanOversight", "verdicts, corrections, adjudications, feedback and the HOTL audit sample"),
                evidence("reviewerActivity", "who (pseudonymized) decided, gold accuracy and pauses"),
                evidence("agreement", "consistency of human judgement per tier")));
        mapping.articles.add(article("Art. 19 / 26(6)", "Log retention",
                evidence("configuration", "retention days and legal hold per workflow"),
                evidence("personalData", "erasures performed by crypto-shredding, with ledger references, while the "
                        + "log stays verifiable"),
                evidence("anchoring", "the period's entries are still present and verifiable")));
        mapping.articles.add(article("Art. 26(5)", "Monitoring by deployers",
                evidence("sla", "SLA breaches and recoveries of the review queues"),
                evidence("monitors", "alerts raised by the platform's monitors"),
                evidence("humanOversight", "correction rate and HOTL error estimate as signals of model performance")));
        return mapping;
    }

    private static ComplianceReport.Article article(String ref, String title, ComplianceReport.Evidence... evidence) {
        ComplianceReport.Article article = new ComplianceReport.Article();
        article.ref = ref;
        article.title = title;
        article.evidence.addAll(java.util.List.of(evidence));
        return article;
    }

    private static ComplianceReport.Evidence evidence(String section, String how) {
        return new ComplianceReport.Evidence(section, how);
    }
}
