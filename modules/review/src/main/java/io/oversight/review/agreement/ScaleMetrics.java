package io.oversight.review.agreement;

import io.oversight.governance.TaxonomyLabel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agreement levels beyond nominal, for a workflow whose taxonomy is a rating scale (every leaf
 * label stands for a number, as governance declares it): ordinal alpha over the labels in the order of
 * their values, interval alpha on the values, and ratio alpha when no value is negative (a ratio scale
 * has a true zero). Only answers that are one label of the scale are ratings here: a rejection or a
 * set of labels has no place on the scale and is left out, as a missing value, which alpha allows.
 */
final class ScaleMetrics {

    private ScaleMetrics() {
    }

    /** The scale of a taxonomy, label code to value, lowest first; empty when it declares none. */
    static Optional<Map<String, Double>> of(List<TaxonomyLabel> labels) {
        List<TaxonomyLabel> valued = labels.stream().filter(l -> l.value().isPresent())
                .sorted(Comparator.comparing(l -> l.value().orElseThrow())).toList();
        if (valued.size() < 2) {
            return Optional.empty();
        }
        Map<String, Double> scale = new LinkedHashMap<>();
        valued.forEach(l -> scale.put(l.code(), l.value().orElseThrow()));
        return Optional.of(scale);
    }

    /** Ordinal, interval and (if no value is negative) ratio alpha over ratings whose categories are on the scale. */
    static List<Agreement> of(Ratings onScale, Map<String, Double> scale) {
        List<Agreement> metrics = new ArrayList<>();
        metrics.add(KrippendorffAlpha.ordinal(onScale, List.copyOf(scale.keySet())));
        metrics.add(KrippendorffAlpha.interval(onScale, scale));
        if (scale.values().stream().allMatch(v -> v >= 0)) {
            metrics.add(KrippendorffAlpha.ratio(onScale, scale));
        }
        return metrics;
    }
}
