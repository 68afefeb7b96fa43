package io.oversight.review.agreement;

import io.oversight.governance.TaxonomyLabel;
import io.oversight.governance.Workflow;
import io.oversight.governance.Workflows;
import io.oversight.review.AgreementQuery;
import io.oversight.review.AgreementReport;
import io.oversight.review.AgreementReports;
import io.oversight.review.CompletedReviewRecord;
import io.oversight.review.ReviewHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds agreement reports from the tasks module's completed reviews: items are the units, reviewers
 * the raters, answers (label sets, or REJECT) the categories. Gold, audit and feedback reviews are not
 * part of it: they are not independent reviews of the same item. When the workflow's taxonomy is a
 * rating scale, the ordinal, interval and ratio levels of alpha join the nominal metrics
 * ({@link ScaleMetrics}); confusion matrices list the taxonomy's labels in its own order.
 */
@ApplicationScoped
public class AgreementService implements AgreementReports {

    @Inject
    ReviewHistory history;

    @Inject
    Workflows workflows;

    @Override
    public AgreementReport report(AgreementQuery query) {
        List<CompletedReviewRecord> read = history.completedReviews(query.workflowKey(), query.from(), query.to(),
                AgreementReport.MAX_REVIEWS + 1);
        boolean truncated = read.size() > AgreementReport.MAX_REVIEWS;
        List<CompletedReviewRecord> reviews = (truncated ? read.subList(0, AgreementReport.MAX_REVIEWS) : read).stream()
                .filter(r -> query.tier().map(t -> t == r.tier()).orElse(true))
                .filter(r -> query.guidelineId().map(g -> r.guidelineId().map(g::equals).orElse(false)).orElse(true))
                .toList();
        List<TaxonomyLabel> taxonomy = workflows.find(query.workflowKey()).map(Workflow::taxonomy)
                .map(t -> t.labels()).orElse(List.of());
        // one label against the rest is a two-category question: no scale to measure distances on
        Optional<Map<String, Double>> scale = query.label().isPresent() ? Optional.empty() : ScaleMetrics.of(taxonomy);
        Ratings.Builder onScale = Ratings.builder();
        Ratings.Builder all = Ratings.builder();
        Map<LocalDate, Ratings.Builder> byDay = new TreeMap<>();
        Map<LocalDate, Integer> reviewsByDay = new TreeMap<>();
        Map<String, List<String>> answersByItem = new LinkedHashMap<>();
        List<Map.Entry<String, String>> humanVsModel = new ArrayList<>();
        Set<String> reviewers = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (CompletedReviewRecord r : reviews) {
            if (!seen.add(r.itemId() + "\u0000" + r.reviewer())) {
                continue; // a feedback re-review by the same person is not a second rating
            }
            String answer = category(r.answerKey(), query.label());
            all.add(r.itemId(), r.reviewer(), answer);
            onScale.add(r.itemId(), r.reviewer(), scale.filter(s -> s.containsKey(answer)).map(s -> answer).orElse(null));
            LocalDate day = r.completedAt().atZone(ZoneOffset.UTC).toLocalDate();
            byDay.computeIfAbsent(day, d -> Ratings.builder()).add(r.itemId(), r.reviewer(), answer);
            reviewsByDay.merge(day, 1, Integer::sum);
            answersByItem.computeIfAbsent(r.itemId(), i -> new ArrayList<>()).add(answer);
            humanVsModel.add(Map.entry(answer, category(r.modelKey(), query.label())));
            reviewers.add(r.reviewer());
        }
        Ratings ratings = all.build();
        List<Agreement> computed = new ArrayList<>(AgreementMetrics.nominal(ratings));
        scale.ifPresent(s -> computed.addAll(ScaleMetrics.of(onScale.build(), s)));
        List<AgreementReport.Metric> metrics = computed.stream().map(AgreementService::metric).toList();
        List<AgreementReport.DailyAgreement> daily = new ArrayList<>();
        byDay.forEach((day, builder) -> {
            Ratings of = builder.build();
            daily.add(new AgreementReport.DailyAgreement(day, reviewsByDay.get(day), value(PercentAgreement.of(of)),
                    value(KrippendorffAlpha.nominal(of))));
        });
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (List<String> answers : answersByItem.values()) {
            for (int i = 0; i < answers.size(); i++) {
                for (int j = i + 1; j < answers.size(); j++) {
                    pairs.add(Map.entry(answers.get(i), answers.get(j)));
                }
            }
        }
        List<String> order = taxonomy.stream().map(TaxonomyLabel::code).toList();
        return new AgreementReport(query, metrics, daily,
                matrix(ConfusionMatrix.of("earlier review", "later review", pairs), order),
                matrix(ConfusionMatrix.of("reviewer", "model", humanVsModel), order),
                reviews.size(), answersByItem.size(), reviewers.size(), truncated);
    }

    /** With a label chosen, an answer counts as that label or not (one-vs-rest agreement on the label). */
    private static String category(String answerKey, Optional<String> label) {
        if (label.isEmpty()) {
            return answerKey;
        }
        boolean has = List.of(answerKey.split("\\+")).contains(label.get());
        return has ? label.get() : "not " + label.get();
    }

    private static Optional<Double> value(Agreement agreement) {
        return agreement.value().isPresent() ? Optional.of(agreement.value().getAsDouble()) : Optional.empty();
    }

    private static AgreementReport.Metric metric(Agreement a) {
        String name = switch (a.metric()) {
            case PERCENT_AGREEMENT -> "Percent agreement";
            case COHENS_KAPPA -> "Cohen's kappa";
            case FLEISS_KAPPA -> "Fleiss' kappa";
            case ALPHA_NOMINAL -> "Krippendorff's alpha (nominal)";
            case ALPHA_ORDINAL -> "Krippendorff's alpha (ordinal)";
            case ALPHA_INTERVAL -> "Krippendorff's alpha (interval)";
            case ALPHA_RATIO -> "Krippendorff's alpha (ratio)";
        };
        return new AgreementReport.Metric(a.metric().name().toLowerCase(Locale.ROOT), name, value(a),
                Optional.ofNullable(a.undefinedReason()), a.units(), a.values());
    }

    /** The matrix with the taxonomy's labels first, in its order, then any other answer (REJECT, label sets) by name. */
    private static AgreementReport.Matrix matrix(ConfusionMatrix m, List<String> taxonomyOrder) {
        List<String> categories = new ArrayList<>(m.categories());
        categories.sort(java.util.Comparator.<String>comparingInt(c -> taxonomyOrder.contains(c)
                ? taxonomyOrder.indexOf(c) : taxonomyOrder.size()).thenComparing(c -> c));
        List<List<Integer>> counts = new ArrayList<>();
        for (String row : categories) {
            List<Integer> line = new ArrayList<>();
            for (String column : categories) {
                line.add(m.count(row, column));
            }
            counts.add(line);
        }
        return new AgreementReport.Matrix(m.rowLabel(), m.columnLabel(), categories, counts, m.total());
    }
}
