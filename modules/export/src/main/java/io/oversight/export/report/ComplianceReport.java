package io.oversight.export.report;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;

import java.util.ArrayList;
import java.util.List;

/**
 * The compliance report document, bound one-to-one to {@code compliance-report-1.xsd}. It holds
 * aggregates only: counts, rates and bounded event lists (each capped at {@link #MAX_EVENTS}, with
 * the full count beside it), so the document stays small whatever the period's volume. The XML and
 * the PDF are both rendered from one instance, so they can never disagree.
 *
 * <p>Fields are package-private and mutable only because JAXB binds them; {@link ReportComputation}
 * is the one place that fills them.
 */
@XmlRootElement(name = "complianceReport")
@XmlType(propOrder = {"scope", "configuration", "volumes", "humanOversight", "reviewerActivity", "agreement",
        "sla", "monitors", "personalData", "anchoring", "articleMapping"})
public class ComplianceReport {

    /** Namespace of schema version 1; a change that is not backwards compatible gets a new one (ADR 0015). */
    public static final String NAMESPACE = "https://oversight.io/schema/compliance-report/1";
    /** Classpath location of the schema inside the export jar. */
    public static final String SCHEMA_RESOURCE = "/io/oversight/export/report/compliance-report-1.xsd";
    /** Events listed per list (changes, alerts, personal-data events); counts are always complete. */
    public static final int MAX_EVENTS = 1000;

    @XmlAttribute(required = true)
    String id;
    @XmlAttribute(required = true)
    String schemaVersion = "1.0";
    @XmlAttribute(required = true)
    String generatedAt;

    @XmlElement(required = true)
    Scope scope = new Scope();
    @XmlElement(required = true)
    Configuration configuration = new Configuration();
    @XmlElement(required = true)
    Volumes volumes = new Volumes();
    @XmlElement(required = true)
    HumanOversight humanOversight = new HumanOversight();
    @XmlElement(required = true)
    ReviewerActivity reviewerActivity = new ReviewerActivity();
    @XmlElement(required = true)
    Agreement agreement = new Agreement();
    @XmlElement(required = true)
    Sla sla = new Sla();
    @XmlElement(required = true)
    Monitors monitors = new Monitors();
    @XmlElement(required = true)
    PersonalData personalData = new PersonalData();
    @XmlElement(required = true)
    Anchoring anchoring = new Anchoring();
    @XmlElement(required = true)
    ArticleMapping articleMapping = new ArticleMapping();

    public String id() {
        return id;
    }

    public Anchoring anchoring() {
        return anchoring;
    }

    public Volumes volumes() {
        return volumes;
    }

    public HumanOversight humanOversight() {
        return humanOversight;
    }

    /** Which workflow(s), which period, asked by whom (pseudonym and role). */
    public static class Scope {
        /** A workflow key, or {@code *} for all workflows. */
        @XmlAttribute(required = true)
        String workflow;
        @XmlAttribute(required = true)
        String from;
        @XmlAttribute(required = true)
        String to;
        @XmlAttribute(required = true)
        String requestedBy;
        @XmlAttribute(required = true)
        String requestedRole;
    }

    /** The oversight configuration in force: each workflow's settings and versions, and the period's changes. */
    public static class Configuration {
        @XmlElement(name = "workflow")
        List<WorkflowConfig> workflows = new ArrayList<>();
        @XmlElement(required = true)
        EventList changes = new EventList();
    }

    public static class WorkflowConfig {
        @XmlAttribute(required = true)
        String key;
        @XmlAttribute(required = true)
        String name;
        @XmlAttribute(required = true)
        String riskConsequence;
        @XmlAttribute(required = true)
        String riskVolume;
        @XmlAttribute(required = true)
        String riskAccuracy;
        @XmlAttribute(required = true)
        String riskOverall;
        @XmlAttribute(required = true)
        String integrationMode;
        @XmlAttribute(required = true)
        int reviewersPerItem;
        @XmlAttribute(required = true)
        int retentionDays;
        @XmlAttribute(required = true)
        boolean legalHold;
        @XmlAttribute(required = true)
        String taskKind;
        @XmlElement(name = "routingPolicy")
        List<PolicyVersion> routingPolicies = new ArrayList<>();
        @XmlElement(name = "guidelineVersion")
        List<VersionRef> guidelineVersions = new ArrayList<>();
        @XmlElement(name = "modelSnapshot")
        List<ModelRef> modelSnapshots = new ArrayList<>();
    }

    /**
     * A version's life: {@code statusChangedAt} is when it reached its current status; the period's
     * activations, retirements, promotions and rollbacks are in {@link Configuration#changes}.
     */
    public static class VersionRef {
        @XmlAttribute(required = true)
        String id;
        @XmlAttribute(required = true)
        int number;
        @XmlAttribute(required = true)
        String status;
        @XmlAttribute(required = true)
        String contentDigest;
        @XmlAttribute(required = true)
        String createdAt;
        @XmlAttribute(required = true)
        String statusChangedAt;
    }

    public static class PolicyVersion extends VersionRef {
        @XmlAttribute(required = true)
        double autoAcceptAtOrAbove;
        @XmlAttribute(required = true)
        double lowAtOrBelow;
        @XmlAttribute(required = true)
        String lowOutcome;
        @XmlAttribute(required = true)
        double hotlSamplingRate;
        @XmlElement(name = "band")
        List<Band> bands = new ArrayList<>();
        @XmlElement(name = "rule")
        List<String> rules = new ArrayList<>();
        @XmlElement(name = "slaTarget")
        List<SlaTargetRef> slaTargets = new ArrayList<>();
    }

    public static class Band {
        @XmlAttribute(required = true)
        double atOrAbove;
        @XmlAttribute(required = true)
        int tier;
    }

    public static class SlaTargetRef {
        @XmlAttribute(required = true)
        int tier;
        @XmlAttribute(required = true)
        int minutesToReview;
        @XmlAttribute(required = true)
        int maxQueueDepth;
    }

    public static class ModelRef {
        @XmlAttribute(required = true)
        String id;
        @XmlAttribute(required = true)
        String name;
        @XmlAttribute(required = true)
        String version;
        @XmlAttribute(required = true)
        String artifactDigest;
        @XmlAttribute(required = true)
        String status;
        @XmlAttribute(required = true)
        String registeredAt;
        @XmlAttribute(required = true)
        String statusChangedAt;
        @XmlAttribute
        String trainingSetExportId;
    }

    /** Predictions by routing outcome, tier and integration mode, and per time bucket for the chart. */
    public static class Volumes {
        @XmlAttribute(required = true)
        long predictions;
        @XmlAttribute(required = true)
        long autoAccepted;
        @XmlAttribute(required = true)
        long reviewed;
        @XmlAttribute(required = true)
        long escalated;
        @XmlAttribute(required = true)
        long shadow;
        @XmlElement(name = "byOutcome")
        List<Count> byOutcome = new ArrayList<>();
        @XmlElement(name = "byTier")
        List<Count> byTier = new ArrayList<>();
        @XmlElement(name = "byMode")
        List<Count> byMode = new ArrayList<>();
        @XmlElement(required = true)
        Series series = new Series();

        public long predictions() {
            return predictions;
        }
    }

    /** A named count. */
    public static class Count {
        @XmlAttribute(required = true)
        String name;
        @XmlAttribute(required = true)
        long count;

        Count() {
        }

        Count(String name, long count) {
            this.name = name;
            this.count = count;
        }
    }

    /** Predictions per routing outcome per bucket ({@code PT1H} or {@code P1D}) of the period. */
    public static class Series {
        @XmlAttribute(required = true)
        String bucket;
        @XmlElement(name = "point")
        List<Point> points = new ArrayList<>();
    }

    public static class Point {
        @XmlAttribute(required = true)
        String start;
        @XmlAttribute(required = true)
        String outcome;
        @XmlAttribute(required = true)
        long count;
    }

    /** What people did: verdicts, corrections, adjudications, feedback, the HOTL audit sample. */
    public static class HumanOversight {
        @XmlAttribute(required = true)
        long reviewsCompleted;
        @XmlAttribute(required = true)
        long itemsDecided;
        @XmlAttribute(required = true)
        long itemsCorrected;
        /** Items whose final decision differed from the model, over items decided; absent when none. */
        @XmlAttribute
        Double correctionRate;
        @XmlAttribute(required = true)
        long feedbackItems;
        @XmlElement(name = "verdict")
        List<Count> verdicts = new ArrayList<>();
        @XmlElement(required = true)
        Adjudications adjudications = new Adjudications();
        @XmlElement(required = true)
        HotlAudit hotlAudit = new HotlAudit();

        public long itemsDecided() {
            return itemsDecided;
        }

        public long itemsCorrected() {
            return itemsCorrected;
        }
    }

    public static class Adjudications {
        @XmlAttribute(required = true)
        long decided;
        @XmlAttribute
        Long medianLeadTimeSeconds;
        @XmlAttribute
        Double meanLeadTimeSeconds;
        @XmlAttribute
        Long maxLeadTimeSeconds;
    }

    /**
     * Human-on-the-loop audit sample: sampled automatic decisions a person checked, how many the
     * person found wrong, and the Wilson 95 % interval of the error rate.
     */
    public static class HotlAudit {
        @XmlAttribute(required = true)
        long checked;
        @XmlAttribute(required = true)
        long modelErrors;
        @XmlAttribute
        Double errorRate;
        @XmlAttribute
        Double errorRateLower95;
        @XmlAttribute
        Double errorRateUpper95;
    }

    /** Per reviewer, by pseudonym only. */
    public static class ReviewerActivity {
        @XmlElement(name = "reviewer")
        List<Reviewer> reviewers = new ArrayList<>();
    }

    public static class Reviewer {
        @XmlAttribute(required = true)
        String pseudonym;
        @XmlAttribute(required = true)
        long decisions;
        @XmlAttribute(required = true)
        long goldAnswered;
        @XmlAttribute(required = true)
        long goldCorrect;
        @XmlAttribute
        Double goldAccuracy;
        @XmlAttribute(required = true)
        long pauses;
    }

    /** Inter-rater agreement per workflow and tier (0 = all tiers), with the daily trend. */
    public static class Agreement {
        @XmlElement(name = "metric")
        List<Metric> metrics = new ArrayList<>();
        @XmlElement(name = "day")
        List<Day> days = new ArrayList<>();
    }

    public static class Metric {
        @XmlAttribute(required = true)
        String workflow;
        @XmlAttribute(required = true)
        int tier;
        @XmlAttribute(required = true)
        String name;
        @XmlAttribute
        Double value;
        @XmlAttribute
        String undefinedReason;
        @XmlAttribute(required = true)
        int items;
    }

    public static class Day {
        @XmlAttribute(required = true)
        String workflow;
        @XmlAttribute(required = true)
        String date;
        @XmlAttribute(required = true)
        int reviews;
        @XmlAttribute
        Double alpha;
        @XmlAttribute
        Double percentAgreement;
    }

    /** SLA breaches and recoveries per queue, from the SLA monitor's ledger entries. */
    public static class Sla {
        @XmlAttribute(required = true)
        long breaches;
        @XmlAttribute(required = true)
        long recoveries;
        @XmlElement(required = true)
        EventList alerts = new EventList();
    }

    /** Monitors and their alerts: the SLA monitor's alerts until governance monitors exist (ADR 0015). */
    public static class Monitors {
        @XmlAttribute(required = true)
        long alerts;
        @XmlElement(name = "monitor")
        List<Count> monitors = new ArrayList<>();
        @XmlElement(required = true)
        String note;
    }

    /** Reveals and erasures: counts and ledger references, never identities. */
    public static class PersonalData {
        @XmlAttribute(required = true)
        long reveals;
        @XmlAttribute(required = true)
        long erasures;
        @XmlElement(required = true)
        EventList events = new EventList();
    }

    /** A capped list of ledger references: {@code total} is complete, {@code event} lists the first ones. */
    public static class EventList {
        @XmlAttribute(required = true)
        long total;
        @XmlAttribute(required = true)
        boolean truncated;
        @XmlElement(name = "event")
        List<Event> events = new ArrayList<>();
    }

    /** One ledger entry referred to by sequence number; {@code detail} holds its non-personal fields. */
    public static class Event {
        @XmlAttribute(required = true)
        long sequence;
        @XmlAttribute(required = true)
        String at;
        @XmlAttribute(required = true)
        String action;
        @XmlAttribute
        String workflow;
        @XmlAttribute
        String subject;
        @XmlAttribute
        String detail;
    }

    /**
     * What ties the report to the ledger: the period's first and last sequence numbers, the counts per
     * action type of the entries read (an auditor recomputes them from a bundle of that range), and the
     * signed checkpoint that covers the last one.
     */
    public static class Anchoring {
        @XmlAttribute
        Long firstSequence;
        @XmlAttribute
        Long lastSequence;
        @XmlAttribute(required = true)
        long entriesInRange;
        @XmlAttribute(required = true)
        long entriesCounted;
        @XmlElement(name = "actionCount")
        List<Count> actionCounts = new ArrayList<>();
        @XmlElement
        CheckpointRef checkpoint;

        public Long firstSequence() {
            return firstSequence;
        }

        public Long lastSequence() {
            return lastSequence;
        }

        public long entriesCounted() {
            return entriesCounted;
        }
    }

    public static class CheckpointRef {
        @XmlAttribute(required = true)
        long treeSize;
        @XmlAttribute(required = true)
        String rootHash;
        @XmlAttribute(required = true)
        String keyLabel;
        @XmlAttribute(required = true)
        String signedAt;
        /** The signed note exactly as the ledger serves it. */
        @XmlValue
        String note;
    }

    /** EU AI Act articles and the sections that evidence them. */
    public static class ArticleMapping {
        @XmlElement(name = "article")
        List<Article> articles = new ArrayList<>();
    }

    public static class Article {
        @XmlAttribute(required = true)
        String ref;
        @XmlAttribute(required = true)
        String title;
        @XmlElement(name = "evidence")
        List<Evidence> evidence = new ArrayList<>();
    }

    public static class Evidence {
        @XmlAttribute(required = true)
        String section;
        @XmlValue
        String how;

        Evidence() {
        }

        Evidence(String section, String how) {
            this.section = section;
            this.how = how;
        }
    }
}
