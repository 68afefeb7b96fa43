package io.oversight.review.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * Reliability data: units (the rated items) by raters, each cell a category code or missing. At most
 * one value per rater and unit.
 *
 * <p>Units, raters and categories are interned to int indexes and the values are stored grouped by
 * unit in three flat arrays, so that a million labels take a few megabytes and every metric is a
 * sequential scan.
 */
public final class Ratings {

    private final List<String> raterIds;
    private final List<String> categories;
    /** Values of unit {@code u} are at indexes {@code unitStart[u]} (inclusive) to {@code unitStart[u + 1]}. */
    private final int[] unitStart;
    private final int[] rater;
    private final int[] category;

    private Ratings(List<String> raterIds, List<String> categories, int[] unitStart, int[] rater, int[] category) {
        this.raterIds = raterIds;
        this.categories = categories;
        this.unitStart = unitStart;
        this.rater = rater;
        this.category = category;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Units seen, including those whose every cell is missing. */
    public int units() {
        return unitStart.length - 1;
    }

    /** Raters seen, including those whose every cell is missing. */
    public int raters() {
        return raterIds.size();
    }

    /** Values present (cells not missing). */
    public int values() {
        return rater.length;
    }

    /** Rater ids in the order they were first added. */
    public List<String> raterIds() {
        return raterIds;
    }

    /** Category codes that occur in at least one value, in the order they were first added. */
    public List<String> categories() {
        return categories;
    }

    int raterIndex(String raterId) {
        int index = raterIds.indexOf(raterId);
        if (index < 0) {
            throw new IllegalArgumentException("unknown rater '" + raterId + "'; raters are " + raterIds);
        }
        return index;
    }

    int start(int unit) {
        return unitStart[unit];
    }

    int end(int unit) {
        return unitStart[unit + 1];
    }

    int raterAt(int value) {
        return rater[value];
    }

    int categoryAt(int value) {
        return category[value];
    }

    /** Distinct raters with a value in a unit whose number of values passes {@code unitSize}. */
    int ratersIn(IntPredicate unitSize) {
        boolean[] seen = new boolean[raters()];
        int count = 0;
        for (int u = 0; u < units(); u++) {
            if (unitSize.test(end(u) - start(u))) {
                for (int i = start(u); i < end(u); i++) {
                    if (!seen[rater[i]]) {
                        seen[rater[i]] = true;
                        count++;
                    }
                }
            }
        }
        return count;
    }

    /**
     * Calls {@code visitor} with the category counts of each unit whose number of values passes
     * {@code unitSize}. The arrays are reused between calls; only their first {@code distinct} entries
     * are meaningful.
     */
    void forEachUnit(IntPredicate unitSize, UnitVisitor visitor) {
        int[] countOf = new int[categories.size()];
        int[] distinctCategories = new int[raters()];
        int[] counts = new int[raters()];
        for (int u = 0; u < units(); u++) {
            int size = end(u) - start(u);
            if (!unitSize.test(size)) {
                continue;
            }
            int distinct = 0;
            for (int i = start(u); i < end(u); i++) {
                if (countOf[category[i]]++ == 0) {
                    distinctCategories[distinct++] = category[i];
                }
            }
            for (int j = 0; j < distinct; j++) {
                counts[j] = countOf[distinctCategories[j]];
                countOf[distinctCategories[j]] = 0;
            }
            visitor.visit(distinctCategories, counts, distinct, size);
        }
    }

    @FunctionalInterface
    interface UnitVisitor {
        /** One unit: {@code counts[j]} of its {@code size} values are category {@code categories[j]}. */
        void visit(int[] categories, int[] counts, int distinct, int size);
    }

    /** Collects labels in any order; {@link #build()} groups them by unit. */
    public static final class Builder {

        private final Map<String, Integer> unitIndex = new HashMap<>();
        private final List<String> unitIds = new ArrayList<>();
        private final Map<String, Integer> raterIndex = new HashMap<>();
        private final List<String> raterIds = new ArrayList<>();
        private final Map<String, Integer> categoryIndex = new HashMap<>();
        private final List<String> categories = new ArrayList<>();
        private int[] unit = new int[1024];
        private int[] rater = new int[1024];
        private int[] category = new int[1024];
        private int size;

        private Builder() {
        }

        /**
         * Adds the category {@code raterId} gave {@code unitId}; a null category is a missing cell, which
         * still makes the unit and the rater known (so that all-missing data is told apart from no data).
         */
        public Builder add(String unitId, String raterId, String category) {
            int u = intern(unitIndex, unitIds, Objects.requireNonNull(unitId, "unitId"));
            int r = intern(raterIndex, raterIds, Objects.requireNonNull(raterId, "raterId"));
            if (category == null) {
                return this;
            }
            if (size == unit.length) {
                unit = Arrays.copyOf(unit, size * 2);
                rater = Arrays.copyOf(rater, size * 2);
                this.category = Arrays.copyOf(this.category, size * 2);
            }
            unit[size] = u;
            rater[size] = r;
            this.category[size] = intern(categoryIndex, categories, category);
            size++;
            return this;
        }

        /** @throws IllegalArgumentException if a rater rated a unit more than once */
        public Ratings build() {
            int units = unitIds.size();
            int[] unitStart = new int[units + 1];
            for (int i = 0; i < size; i++) {
                unitStart[unit[i] + 1]++;
            }
            for (int u = 0; u < units; u++) {
                unitStart[u + 1] += unitStart[u];
            }
            int[] next = Arrays.copyOf(unitStart, units);
            int[] groupedRater = new int[size];
            int[] groupedCategory = new int[size];
            for (int i = 0; i < size; i++) {
                int at = next[unit[i]]++;
                groupedRater[at] = rater[i];
                groupedCategory[at] = category[i];
            }
            int[] lastUnitOf = new int[raterIds.size()];
            Arrays.fill(lastUnitOf, -1);
            for (int u = 0; u < units; u++) {
                for (int i = unitStart[u]; i < unitStart[u + 1]; i++) {
                    if (lastUnitOf[groupedRater[i]] == u) {
                        throw new IllegalArgumentException("rater '" + raterIds.get(groupedRater[i]) + "' rated unit '"
                                + unitIds.get(u) + "' more than once; keep one value per rater and unit");
                    }
                    lastUnitOf[groupedRater[i]] = u;
                }
            }
            return new Ratings(List.copyOf(raterIds), List.copyOf(categories), unitStart, groupedRater, groupedCategory);
        }

        private static int intern(Map<String, Integer> index, List<String> names, String name) {
            Integer known = index.get(name);
            if (known != null) {
                return known;
            }
            index.put(name, names.size());
            names.add(name);
            return names.size() - 1;
        }
    }
}
