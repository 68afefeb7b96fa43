package io.oversight.export.report;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Renders a {@link ComplianceReport} as an archival PDF/A-3b document (ADR 0015): cover page,
 * contents, one part per report section with tables, a volume chart and an agreement chart, page
 * numbers and DejaVu Sans embedded (subset); {@link PdfA3} makes the document archival and attaches
 * the report's XML. It draws
 * only from the report it is given and the XML bytes of that same report: it computes nothing.
 */
public final class ReportPdf {

    /** Name of the attached XML inside the PDF. */
    public static final String ATTACHMENT_NAME = "compliance-report.xml";

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float HEIGHT = PDRectangle.A4.getHeight();
    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final Color[] PALETTE = {new Color(0x1f, 0x77, 0xb4), new Color(0xff, 0x7f, 0x0e),
        new Color(0x2c, 0xa0, 0x2c), new Color(0xd6, 0x27, 0x28), new Color(0x94, 0x67, 0xbd)};

    private final ComplianceReport report;
    private final byte[] xml;
    private PDDocument document;
    private PDFont regular;
    private PDFont bold;
    private PDPage page;
    private PDPageContentStream content;
    private float y;
    private final Map<String, Integer> contents = new LinkedHashMap<>();

    private ReportPdf(ComplianceReport report, byte[] xml) {
        this.report = report;
        this.xml = xml.clone();
    }

    /** Writes the PDF of {@code report}, attaching {@code xml}, the report's XML exactly as delivered. */
    public static void write(ComplianceReport report, byte[] xml, OutputStream out) throws IOException {
        new ReportPdf(report, xml).render(out);
    }

    private void render(OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            document = doc;
            regular = font("DejaVuSans.ttf");
            bold = font("DejaVuSans-Bold.ttf");
            cover();
            PDPage contentsPage = newPage();
            sections();
            finishPage();
            contentsPage(contentsPage);
            pageNumbers();
            archival();
            doc.save(out);
        }
    }

    private PDFont font(String name) throws IOException {
        try (InputStream in = ReportPdf.class.getResourceAsStream("fonts/" + name)) {
            if (in == null) {
                throw new IOException("font " + name + " missing from the export jar");
            }
            return PDType0Font.load(document, in, true);
        }
    }

    // ---------------------------------------------------------------- pages and text

    private PDPage newPage() throws IOException {
        finishPage();
        page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = HEIGHT - MARGIN;
        return page;
    }

    private void finishPage() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }

    private void need(float height) throws IOException {
        if (content == null || y - height < MARGIN + 20) {
            newPage();
        }
    }

    private void text(PDFont font, float size, float x, float atY, String s) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.setNonStrokingColor(Color.BLACK);
        content.newLineAtOffset(x, atY);
        content.showText(s);
        content.endText();
    }

    private void line(PDFont font, float size, String s) throws IOException {
        for (String wrapped : wrap(font, size, s, WIDTH - 2 * MARGIN)) {
            need(size + 4);
            text(font, size, MARGIN, y - size, wrapped);
            y -= size + 4;
        }
    }

    private List<String> wrap(PDFont font, float size, String s, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : s.split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (!current.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                lines.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        lines.add(current.toString());
        return lines;
    }

    private void heading(String title) throws IOException {
        need(60);
        y -= 10;
        contents.put(title, document.getNumberOfPages());
        text(bold, 15, MARGIN, y - 15, title);
        y -= 26;
    }

    /** A table with a header row; cells are cut to fit their column. */
    private void table(String[] header, float[] widths, List<String[]> rows) throws IOException {
        float size = 8.5f;
        row(header, widths, bold, size, true);
        for (String[] r : rows) {
            row(r, widths, regular, size, false);
        }
        if (rows.isEmpty()) {
            line(regular, size, "(none in this period)");
        }
        y -= 8;
    }

    private void row(String[] cells, float[] widths, PDFont font, float size, boolean header) throws IOException {
        need(size + 6);
        if (header) {
            content.setNonStrokingColor(new Color(0xe8, 0xec, 0xf1));
            content.addRect(MARGIN, y - size - 4, WIDTH - 2 * MARGIN, size + 6);
            content.fill();
        }
        float x = MARGIN + 2;
        for (int i = 0; i < cells.length; i++) {
            text(font, size, x, y - size, fit(font, size, cells[i] == null ? "–" : cells[i], widths[i] - 4));
            x += widths[i];
        }
        y -= size + 6;
    }

    private static String fit(PDFont font, float size, String s, float width) throws IOException {
        if (font.getStringWidth(s) / 1000 * size <= width) {
            return s;
        }
        String cut = s;
        while (!cut.isEmpty() && font.getStringWidth(cut + "…") / 1000 * size > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    // ---------------------------------------------------------------- content

    private void cover() throws IOException {
        newPage();
        ComplianceReport.Scope s = report.scope;
        y = HEIGHT - 220;
        text(bold, 26, MARGIN, y, "Oversight compliance report");
        y -= 40;
        line(regular, 13, "Workflow: " + ("*".equals(s.workflow) ? "all workflows" : s.workflow));
        line(regular, 13, "Period: " + human(s.from) + " to " + human(s.to) + " (end excluded)");
        line(regular, 13, "Generated: " + human(report.generatedAt));
        line(regular, 13, "Requested by: " + s.requestedBy + " (" + s.requestedRole + ")");
        y -= 20;
        line(regular, 10, "Report id " + report.id);
        line(regular, 10, "Schema " + ComplianceReport.NAMESPACE + " version " + report.schemaVersion);
        ComplianceReport.Anchoring a = report.anchoring;
        line(regular, 10, a.firstSequence == null ? "Ledger range: no entries in this period"
                : "Ledger range: sequence " + a.firstSequence + " to " + a.lastSequence);
        y -= 20;
        line(regular, 9, "The XML attached to this document (" + ATTACHMENT_NAME + ") is the authoritative report; "
                + "this document renders the same data. The ledger entry export.report.generated records the SHA-256 of "
                + "both files; the offline verifier's report command proves them against a ledger bundle.");
    }

    private void contentsPage(PDPage target) throws IOException {
        try (PDPageContentStream c = new PDPageContentStream(document, target, PDPageContentStream.AppendMode.APPEND, true)) {
            content = c;
            y = HEIGHT - MARGIN;
            text(bold, 18, MARGIN, y - 18, "Contents");
            y -= 40;
            for (Map.Entry<String, Integer> e : contents.entrySet()) {
                text(regular, 11, MARGIN, y, e.getKey());
                String number = Integer.toString(e.getValue());
                text(regular, 11, WIDTH - MARGIN - regular.getStringWidth(number) / 1000 * 11, y, number);
                y -= 18;
            }
        }
        content = null;
    }

    private void sections() throws IOException {
        configuration();
        volumes();
        oversight();
        reviewers();
        agreement();
        slaAndMonitors();
        personalData();
        anchoring();
        articles();
    }

    private void configuration() throws IOException {
        newPage();
        heading("1. Oversight configuration");
        for (ComplianceReport.WorkflowConfig w : report.configuration.workflows) {
            line(bold, 11, w.key + " – " + w.name);
            line(regular, 9, "Risk " + w.riskOverall + " (consequence " + w.riskConsequence + ", volume " + w.riskVolume
                    + ", accuracy " + w.riskAccuracy + "); integration " + w.integrationMode + "; " + w.reviewersPerItem
                    + " reviewer(s) per item; task kind " + w.taskKind + "; retention " + w.retentionDays + " days"
                    + (w.legalHold ? ", legal hold" : ""));
            y -= 4;
            List<String[]> policies = new ArrayList<>();
            for (ComplianceReport.PolicyVersion p : w.routingPolicies) {
                StringBuilder bands = new StringBuilder();
                p.bands.forEach(b -> bands.append(bands.isEmpty() ? "" : ", ").append("≥").append(b.atOrAbove)
                        .append("→t").append(b.tier));
                StringBuilder sla = new StringBuilder();
                p.slaTargets.forEach(t -> sla.append(sla.isEmpty() ? "" : ", ").append("t").append(t.tier).append(' ')
                        .append(t.minutesToReview).append(" min"));
                policies.add(new String[] {"v" + p.number, p.status, "accept ≥" + p.autoAcceptAtOrAbove + ", low ≤"
                        + p.lowAtOrBelow + " " + p.lowOutcome + "; " + bands + (p.rules.isEmpty() ? "" : "; "
                        + String.join("; ", p.rules)), Double.toString(p.hotlSamplingRate), sla.toString(),
                    human(p.statusChangedAt), p.contentDigest.substring(0, 16)});
            }
            table(new String[] {"Policy", "Status", "Bands and rules", "HOTL", "SLA", "Since", "Digest"},
                    new float[] {40, 55, 160, 35, 70, 70, 65}, policies);
            List<String[]> guidelines = new ArrayList<>();
            w.guidelineVersions.forEach(g -> guidelines.add(new String[] {"v" + g.number, g.status, human(g.createdAt),
                human(g.statusChangedAt), g.contentDigest}));
            table(new String[] {"Guideline", "Status", "Created", "Since", "Content digest"},
                    new float[] {50, 55, 85, 85, 220}, guidelines);
            List<String[]> models = new ArrayList<>();
            w.modelSnapshots.forEach(m -> models.add(new String[] {m.name + " " + m.version, m.status,
                human(m.statusChangedAt), m.artifactDigest, m.trainingSetExportId}));
            table(new String[] {"Model snapshot", "Status", "Since", "Artifact digest", "Training set"},
                    new float[] {110, 50, 80, 180, 75}, models);
        }
        line(bold, 10, "Configuration changes in the period: " + report.configuration.changes.total);
        events(report.configuration.changes);
    }

    private void events(ComplianceReport.EventList list) throws IOException {
        List<String[]> rows = new ArrayList<>();
        list.events.forEach(e -> rows.add(new String[] {Long.toString(e.sequence), human(e.at), e.action, e.workflow,
            e.detail}));
        table(new String[] {"Sequence", "Logged", "Action", "Workflow", "Detail"},
                new float[] {50, 85, 130, 80, 150}, rows);
        if (list.truncated) {
            line(regular, 8, "Only the first " + list.events.size() + " of " + list.total + " are listed; the XML's "
                    + "anchoring range holds them all.");
        }
    }

    private void volumes() throws IOException {
        heading("2. Volumes");
        ComplianceReport.Volumes v = report.volumes;
        table(new String[] {"Predictions", "Auto-accepted", "Reviewed", "Escalated", "Shadow"},
                new float[] {100, 100, 100, 95, 100}, List.<String[]>of(new String[] {n(v.predictions), n(v.autoAccepted),
                    n(v.reviewed), n(v.escalated), n(v.shadow)}));
        table(new String[] {"By routing outcome", "Count"}, new float[] {200, 100}, counts(v.byOutcome));
        table(new String[] {"By tier", "Count"}, new float[] {200, 100}, counts(v.byTier));
        table(new String[] {"By integration mode", "Count"}, new float[] {200, 100}, counts(v.byMode));
        volumeChart();
    }

    private void oversight() throws IOException {
        heading("3. Human oversight");
        ComplianceReport.HumanOversight h = report.humanOversight;
        table(new String[] {"Reviews completed", "Items decided", "Items corrected", "Correction rate", "Feedback items"},
                new float[] {100, 100, 100, 95, 100}, List.<String[]>of(new String[] {n(h.reviewsCompleted),
                    n(h.itemsDecided), n(h.itemsCorrected), pct(h.correctionRate), n(h.feedbackItems)}));
        table(new String[] {"Verdict", "Count"}, new float[] {200, 100}, counts(h.verdicts));
        ComplianceReport.Adjudications a = h.adjudications;
        table(new String[] {"Adjudications", "Median lead time", "Mean lead time", "Max lead time"},
                new float[] {100, 120, 120, 120}, List.<String[]>of(new String[] {n(a.decided), seconds(a.medianLeadTimeSeconds),
                    a.meanLeadTimeSeconds == null ? "–" : String.format(Locale.ROOT, "%.1f s", a.meanLeadTimeSeconds),
                    seconds(a.maxLeadTimeSeconds)}));
        ComplianceReport.HotlAudit audit = h.hotlAudit;
        table(new String[] {"HOTL audits checked", "Model errors", "Error rate", "95 % interval"},
                new float[] {120, 100, 100, 150}, List.<String[]>of(new String[] {n(audit.checked), n(audit.modelErrors),
                    pct(audit.errorRate), audit.errorRate == null ? "–"
                        : pct(audit.errorRateLower95) + " – " + pct(audit.errorRateUpper95)}));
    }

    private void reviewers() throws IOException {
        heading("4. Reviewer activity (pseudonymized)");
        List<String[]> rows = new ArrayList<>();
        report.reviewerActivity.reviewers.forEach(r -> rows.add(new String[] {r.pseudonym, n(r.decisions),
            n(r.goldAnswered), pct(r.goldAccuracy), n(r.pauses)}));
        table(new String[] {"Reviewer", "Decisions", "Gold answered", "Gold accuracy", "Pauses"},
                new float[] {175, 75, 85, 85, 75}, rows);
    }

    private void agreement() throws IOException {
        heading("5. Agreement");
        List<String[]> rows = new ArrayList<>();
        report.agreement.metrics.forEach(m -> rows.add(new String[] {m.workflow, m.tier == 0 ? "all" : Integer.toString(m.tier),
            m.name, m.value == null ? "undefined" : String.format(Locale.ROOT, "%.3f", m.value),
            m.value == null ? m.undefinedReason : Integer.toString(m.items)}));
        table(new String[] {"Workflow", "Tier", "Metric", "Value", "Items / why undefined"},
                new float[] {100, 35, 130, 60, 170}, rows);
        agreementChart();
    }

    private void slaAndMonitors() throws IOException {
        heading("6. SLA adherence and alerts");
        line(regular, 10, "Breaches " + report.sla.breaches + ", recoveries " + report.sla.recoveries);
        events(report.sla.alerts);
        heading("7. Monitors and alerts");
        line(regular, 10, "Alerts raised: " + report.monitors.alerts);
        table(new String[] {"Monitor", "Alerts"}, new float[] {200, 100}, counts(report.monitors.monitors));
        line(regular, 9, report.monitors.note);
    }

    private void personalData() throws IOException {
        heading("8. Personal-data events");
        line(regular, 10, "Reveals " + report.personalData.reveals + ", erasures " + report.personalData.erasures
                + " (ledger references only; no identities)");
        events(report.personalData.events);
    }

    private void anchoring() throws IOException {
        heading("9. Ledger anchoring");
        ComplianceReport.Anchoring a = report.anchoring;
        line(regular, 10, a.firstSequence == null ? "No ledger entry was logged in this period."
                : "Entries " + a.firstSequence + " to " + a.lastSequence + " of the log (" + a.entriesInRange
                + "), of which " + a.entriesCounted + " belong to the report's scope.");
        if (a.checkpoint != null) {
            line(regular, 10, "Signed checkpoint: tree size " + a.checkpoint.treeSize + ", root " + a.checkpoint.rootHash
                    + ", key " + a.checkpoint.keyLabel + ", signed " + human(a.checkpoint.signedAt));
        }
        table(new String[] {"Action type", "Entries"}, new float[] {300, 100}, counts(a.actionCounts));
    }

    private void articles() throws IOException {
        heading("10. EU AI Act mapping");
        List<String[]> rows = new ArrayList<>();
        for (ComplianceReport.Article article : report.articleMapping.articles) {
            for (ComplianceReport.Evidence e : article.evidence) {
                rows.add(new String[] {article.ref + " " + article.title, e.section, e.how});
            }
        }
        float[] widths = {120, 90, 285};
        row(new String[] {"Article", "Section", "How it is evidenced"}, widths, bold, 8.5f, true);
        for (String[] r : rows) {
            List<String> how = wrap(regular, 8.5f, r[2], widths[2] - 4);
            need(how.size() * 11 + 4);
            text(regular, 8.5f, MARGIN + 2, y - 8.5f, fit(regular, 8.5f, r[0], widths[0] - 4));
            text(regular, 8.5f, MARGIN + 2 + widths[0], y - 8.5f, r[1]);
            for (String h : how) {
                text(regular, 8.5f, MARGIN + 2 + widths[0] + widths[1], y - 8.5f, h);
                y -= 11;
            }
            y -= 4;
        }
    }

    // ---------------------------------------------------------------- charts

    /** Stacked bars: predictions per bucket by routing outcome. */
    private void volumeChart() throws IOException {
        TreeMap<String, Map<String, Long>> buckets = new TreeMap<>();
        TreeSet<String> outcomes = new TreeSet<>();
        for (ComplianceReport.Point p : report.volumes.series.points) {
            buckets.computeIfAbsent(p.start, s -> new TreeMap<>()).merge(p.outcome, p.count, Long::sum);
            outcomes.add(p.outcome);
        }
        float h = 170;
        need(h + 50);
        line(bold, 10, "Chart 1. Predictions per " + ("PT1H".equals(report.volumes.series.bucket) ? "hour" : "day")
                + " by routing outcome");
        float x0 = MARGIN + 30;
        float y0 = y - h;
        float w = WIDTH - 2 * MARGIN - 40;
        long max = buckets.values().stream().mapToLong(m -> m.values().stream().mapToLong(Long::longValue).sum()).max().orElse(0);
        axes(x0, y0, w, h, Long.toString(max));
        if (!buckets.isEmpty()) {
            float slot = w / buckets.size();
            int i = 0;
            for (Map.Entry<String, Map<String, Long>> b : buckets.entrySet()) {
                float base = y0;
                int c = 0;
                for (String outcome : outcomes) {
                    long count = b.getValue().getOrDefault(outcome, 0L);
                    float bar = max == 0 ? 0 : h * count / max;
                    content.setNonStrokingColor(PALETTE[c++ % PALETTE.length]);
                    content.addRect(x0 + i * slot + slot * 0.15f, base, slot * 0.7f, bar);
                    content.fill();
                    base += bar;
                }
                i++;
            }
            text(regular, 7, x0, y0 - 10, human(buckets.firstKey()));
            String last = human(buckets.lastKey());
            text(regular, 7, x0 + w - regular.getStringWidth(last) / 1000 * 7, y0 - 10, last);
        }
        legend(List.copyOf(outcomes), y0 - 24);
        y = y0 - 40;
    }

    /** Lines: Krippendorff's alpha per day, one line per workflow. */
    private void agreementChart() throws IOException {
        TreeMap<String, TreeMap<String, Double>> perWorkflow = new TreeMap<>();
        TreeSet<String> days = new TreeSet<>();
        for (ComplianceReport.Day d : report.agreement.days) {
            days.add(d.date);
            if (d.alpha != null) {
                perWorkflow.computeIfAbsent(d.workflow, k -> new TreeMap<>()).put(d.date, d.alpha);
            }
        }
        float h = 150;
        need(h + 50);
        line(bold, 10, "Chart 2. Agreement trend: Krippendorff's alpha per day (−1 to 1)");
        float x0 = MARGIN + 30;
        float y0 = y - h;
        float w = WIDTH - 2 * MARGIN - 40;
        axes(x0, y0, w, h, "1");
        text(regular, 7, x0 - 12, y0 - 3, "−1");
        List<String> dayList = List.copyOf(days);
        int c = 0;
        for (Map.Entry<String, TreeMap<String, Double>> wf : perWorkflow.entrySet()) {
            content.setStrokingColor(PALETTE[c % PALETTE.length]);
            content.setNonStrokingColor(PALETTE[c++ % PALETTE.length]);
            content.setLineWidth(1.5f);
            boolean first = true;
            for (Map.Entry<String, Double> point : wf.getValue().entrySet()) {
                int index = dayList.indexOf(point.getKey());
                float px = dayList.size() == 1 ? x0 + w / 2 : x0 + w * index / (dayList.size() - 1);
                float py = y0 + (float) ((point.getValue() + 1) / 2 * h);
                if (first) {
                    content.moveTo(px, py);
                    first = false;
                } else {
                    content.lineTo(px, py);
                }
            }
            content.stroke();
            for (Map.Entry<String, Double> point : wf.getValue().entrySet()) {
                int index = dayList.indexOf(point.getKey());
                float px = dayList.size() == 1 ? x0 + w / 2 : x0 + w * index / (dayList.size() - 1);
                float py = y0 + (float) ((point.getValue() + 1) / 2 * h);
                content.addRect(px - 2, py - 2, 4, 4);
                content.fill();
            }
        }
        if (!dayList.isEmpty()) {
            text(regular, 7, x0, y0 - 10, dayList.get(0));
            text(regular, 7, x0 + w - 40, y0 - 10, dayList.get(dayList.size() - 1));
        }
        if (perWorkflow.isEmpty()) {
            text(regular, 9, x0 + 10, y0 + h / 2, "No day of the period had two or more reviews of one item.");
        }
        legend(List.copyOf(perWorkflow.keySet()), y0 - 24);
        y = y0 - 40;
    }

    private void axes(float x0, float y0, float w, float h, String maxLabel) throws IOException {
        content.setStrokingColor(Color.DARK_GRAY);
        content.setLineWidth(0.7f);
        content.moveTo(x0, y0 + h);
        content.lineTo(x0, y0);
        content.lineTo(x0 + w, y0);
        content.stroke();
        text(regular, 7, x0 - 4 - regular.getStringWidth(maxLabel) / 1000 * 7, y0 + h - 3, maxLabel);
    }

    private void legend(List<String> names, float atY) throws IOException {
        float x = MARGIN + 30;
        for (int i = 0; i < names.size(); i++) {
            content.setNonStrokingColor(PALETTE[i % PALETTE.length]);
            content.addRect(x, atY, 8, 8);
            content.fill();
            text(regular, 8, x + 11, atY + 1, names.get(i));
            x += 20 + regular.getStringWidth(names.get(i)) / 1000 * 8;
        }
    }

    // ---------------------------------------------------------------- page numbers and PDF/A

    private void pageNumbers() throws IOException {
        int total = document.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            try (PDPageContentStream c = new PDPageContentStream(document, document.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                String label = "Page " + (i + 1) + " of " + total;
                c.beginText();
                c.setFont(regular, 8);
                c.setNonStrokingColor(Color.DARK_GRAY);
                c.newLineAtOffset(WIDTH - MARGIN - regular.getStringWidth(label) / 1000 * 8, 25);
                c.showText(label);
                c.endText();
                c.beginText();
                c.setFont(regular, 8);
                c.newLineAtOffset(MARGIN, 25);
                c.showText("Oversight compliance report " + report.id);
                c.endText();
            }
        }
    }

    private void archival() throws IOException {
        String title = "Oversight compliance report " + report.scope.workflow + " " + report.scope.from + " – "
                + report.scope.to;
        PdfA3.conform(document, title, report.generatedAt, xml, ATTACHMENT_NAME,
                "The compliance report XML (schema " + ComplianceReport.NAMESPACE + ")");
    }

    // ---------------------------------------------------------------- formatting

    private static List<String[]> counts(List<ComplianceReport.Count> counts) {
        List<String[]> rows = new ArrayList<>();
        counts.forEach(c -> rows.add(new String[] {c.name, n(c.count)}));
        return rows;
    }

    private static String n(long value) {
        return Long.toString(value);
    }

    private static String pct(Double rate) {
        return rate == null ? "–" : String.format(Locale.ROOT, "%.1f %%", rate * 100);
    }

    private static String seconds(Long s) {
        return s == null ? "–" : s + " s";
    }

    private static String human(String instant) {
        return instant == null ? "–" : HUMAN.format(Instant.parse(instant));
    }
}
