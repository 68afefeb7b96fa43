package io.oversight.governance.domain;

import io.oversight.kernel.InvalidInputException;
import io.oversight.kernel.Violations;
import io.oversight.governance.TaxonomyLabel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One label of a taxonomy as submitted; {@code parentCode} empty or null for a root; {@code value} null
 * unless the taxonomy is a rating scale, in which case every leaf has a distinct finite value.
 */
public record LabelSpec(String code, String parentCode, String displayName, String description, Double value) {

    public static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    public static final int MAX_LABELS = 1000;

    Optional<String> parent() {
        return parentCode == null || parentCode.isBlank() ? Optional.empty() : Optional.of(parentCode);
    }

    /**
     * Validates a whole taxonomy (codes unique and well-formed, parents known, no cycles, at most
     * {@value #MAX_LABELS} labels) and returns it in display order: each parent before its children,
     * siblings in submitted order.
     */
    public static List<TaxonomyLabel> validateTree(List<LabelSpec> specs) {
        Violations v = new Violations();
        if (specs == null) {
            v.add("labels", "is required");
            v.throwIfAny("The taxonomy");
        }
        v.check(specs.size() <= MAX_LABELS, "labels", "at most " + MAX_LABELS + " labels");
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            LabelSpec s = specs.get(i);
            String field = "labels[" + i + "]";
            if (s == null) {
                v.add(field, "is empty");
                continue;
            }
            if (v.check(s.code() != null && CODE.matcher(s.code()).matches(), field + ".code",
                    "must be 1 to 64 lower-case letters, digits, '-' or '_'")) {
                v.check(codes.add(s.code()), field + ".code", "duplicate code '" + s.code() + "'");
            }
            v.check(!Violations.blank(s.displayName()) && s.displayName().length() <= 200, field + ".displayName",
                    "must be 1 to 200 characters");
            v.check(s.description() == null || s.description().length() <= 2000, field + ".description",
                    "must be at most 2000 characters");
        }
        for (int i = 0; i < specs.size(); i++) {
            LabelSpec s = specs.get(i);
            if (s != null && s.parent().isPresent()) {
                v.check(codes.contains(s.parent().get()), "labels[" + i + "].parentCode",
                        "unknown parent code '" + s.parent().get() + "'");
                v.check(!s.parent().get().equals(s.code()), "labels[" + i + "].parentCode", "a label cannot be its own parent");
            }
        }
        checkValues(specs, v);
        v.throwIfAny("The taxonomy");
        Map<String, List<LabelSpec>> children = new HashMap<>();
        List<LabelSpec> roots = new ArrayList<>();
        for (LabelSpec s : specs) {
            if (s.parent().isEmpty()) {
                roots.add(s);
            } else {
                children.computeIfAbsent(s.parent().get(), k -> new ArrayList<>()).add(s);
            }
        }
        List<TaxonomyLabel> ordered = new ArrayList<>();
        for (LabelSpec root : roots) {
            addDepthFirst(root, children, ordered);
        }
        if (ordered.size() != specs.size()) {
            InvalidInputException cycle = InvalidInputException.sentence("labels", "the parent links form a cycle");
            throw cycle;
        }
        return ordered;
    }

    /**
     * Values make a rating scale: all leaves have one or none does (a partial scale orders nothing),
     * finite and distinct (two labels at one point would be one answer), and only leaves have one,
     * because reviewers answer with leaves.
     */
    private static void checkValues(List<LabelSpec> specs, Violations v) {
        Set<String> parents = new HashSet<>();
        specs.stream().filter(s -> s != null && s.parent().isPresent()).forEach(s -> parents.add(s.parent().get()));
        List<LabelSpec> leaves = specs.stream().filter(s -> s != null && !parents.contains(s.code())).toList();
        long valued = specs.stream().filter(s -> s != null && s.value() != null).count();
        if (valued == 0) {
            return;
        }
        Set<Double> seen = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            LabelSpec s = specs.get(i);
            if (s == null) {
                continue;
            }
            String field = "labels[" + i + "].value";
            if (parents.contains(s.code())) {
                v.check(s.value() == null, field, "only leaf labels have a value on the scale");
            } else if (v.check(s.value() != null, field, "is required: either every leaf label has a value or none does")
                    && v.check(Double.isFinite(s.value()), field, "must be a finite number")) {
                v.check(seen.add(s.value()), field, "repeats the value " + s.value() + " of another label");
            }
        }
        v.check(leaves.size() >= 2, "labels", "a rating scale needs at least two leaf labels");
    }

    private static void addDepthFirst(LabelSpec spec, Map<String, List<LabelSpec>> children, List<TaxonomyLabel> out) {
        out.add(new TaxonomyLabel(spec.code(), spec.parent(), spec.displayName().strip(),
                spec.description() == null ? "" : spec.description(), Optional.ofNullable(spec.value())));
        for (LabelSpec child : children.getOrDefault(spec.code(), List.of())) {
            addDepthFirst(child, children, out);
        }
    }
}
