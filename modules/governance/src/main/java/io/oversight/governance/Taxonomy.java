package io.oversight.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One version of a workflow's hierarchical labels, in display order (each parent before
 * its children). Codes are unique within the taxonomy.
 *
 * @param version increases with every change of the workflow's taxonomy; guideline versions name it
 */
public record Taxonomy(int version, List<TaxonomyLabel> labels) {

    public Taxonomy {
        labels = List.copyOf(labels);
    }

    public Optional<TaxonomyLabel> find(String code) {
        return labels.stream().filter(l -> l.code().equals(code)).findFirst();
    }

    public boolean contains(String code) {
        return find(code).isPresent();
    }

    public boolean isLeaf(String code) {
        return labels.stream().noneMatch(l -> l.parentCode().filter(code::equals).isPresent());
    }

    public boolean isSelectable(String code, LabelSelection selection) {
        return contains(code) && (selection == LabelSelection.ANY_NODE || isLeaf(code));
    }

    /** Depth of a label: 0 for a root. */
    public int depth(String code) {
        int depth = 0;
        Optional<String> parent = find(code).flatMap(TaxonomyLabel::parentCode);
        while (parent.isPresent() && depth <= labels.size()) {
            depth++;
            parent = find(parent.get()).flatMap(TaxonomyLabel::parentCode);
        }
        return depth;
    }

    /** The display path of a label, e.g. {@code fraud > card-not-present}. */
    public String path(String code) {
        List<String> codes = new ArrayList<>();
        Optional<TaxonomyLabel> label = find(code);
        while (label.isPresent() && codes.size() <= labels.size()) {
            codes.add(0, label.get().code());
            label = label.get().parentCode().flatMap(this::find);
        }
        return String.join(" > ", codes);
    }
}
