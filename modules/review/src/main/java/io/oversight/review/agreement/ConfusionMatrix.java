package io.oversight.review.agreement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts of (row category, column category) pairs between two raters, or between a reviewer and the
 * model: rows are the first rater's categories, columns the second's, over the same category list.
 */
public final class ConfusionMatrix {

    private final String rowLabel;
    private final String columnLabel;
    private final List<String> categories;
    private final Map<String, Integer> index = new HashMap<>();
    private final int[][] counts;
    private final int[] rowTotals;
    private final int[] columnTotals;
    private final int total;

    private ConfusionMatrix(String rowLabel, String columnLabel, List<String> categories, int[][] counts) {
        this.rowLabel = rowLabel;
        this.columnLabel = columnLabel;
        this.categories = List.copyOf(categories);
        this.counts = counts;
        for (int c = 0; c < categories.size(); c++) {
            index.put(categories.get(c), c);
        }
        rowTotals = new int[categories.size()];
        columnTotals = new int[categories.size()];
        int sum = 0;
        for (int r = 0; r < counts.length; r++) {
            for (int c = 0; c < counts.length; c++) {
                rowTotals[r] += counts[r][c];
                columnTotals[c] += counts[r][c];
                sum += counts[r][c];
            }
        }
        total = sum;
    }

    /**
     * @param pairs (row category, column category) per unit, e.g. (reviewer's label, model's label);
     *              categories are listed in the order they first occur
     */
    public static ConfusionMatrix of(String rowLabel, String columnLabel,
            Collection<? extends Map.Entry<String, String>> pairs) {
        Map<String, Integer> index = new HashMap<>();
        List<String> categories = new ArrayList<>();
        int[] rows = new int[pairs.size()];
        int[] columns = new int[pairs.size()];
        int i = 0;
        for (Map.Entry<String, String> pair : pairs) {
            rows[i] = index.computeIfAbsent(Objects.requireNonNull(pair.getKey(), "row category"), category -> {
                categories.add(category);
                return categories.size() - 1;
            });
            columns[i] = index.computeIfAbsent(Objects.requireNonNull(pair.getValue(), "column category"), category -> {
                categories.add(category);
                return categories.size() - 1;
            });
            i++;
        }
        return new ConfusionMatrix(rowLabel, columnLabel, categories, tally(rows, columns, rows.length, categories.size()));
    }

    /**
     * The units both raters rated. Categories are those either used on these units, in the order of
     * {@link Ratings#categories()}.
     *
     * @throws IllegalArgumentException for an unknown rater or the same rater twice
     */
    public static ConfusionMatrix between(Ratings ratings, String rowRater, String columnRater) {
        int first = ratings.raterIndex(rowRater);
        int second = ratings.raterIndex(columnRater);
        if (first == second) {
            throw new IllegalArgumentException("a confusion matrix compares two different raters, got '" + rowRater
                    + "' twice");
        }
        int[] rows = new int[ratings.units()];
        int[] columns = new int[ratings.units()];
        boolean[] used = new boolean[ratings.categories().size()];
        int pairs = 0;
        for (int u = 0; u < ratings.units(); u++) {
            int row = -1;
            int column = -1;
            for (int i = ratings.start(u); i < ratings.end(u); i++) {
                if (ratings.raterAt(i) == first) {
                    row = ratings.categoryAt(i);
                } else if (ratings.raterAt(i) == second) {
                    column = ratings.categoryAt(i);
                }
            }
            if (row >= 0 && column >= 0) {
                rows[pairs] = row;
                columns[pairs] = column;
                used[row] = used[column] = true;
                pairs++;
            }
        }
        List<String> categories = new ArrayList<>();
        int[] newIndex = new int[used.length];
        for (int c = 0; c < used.length; c++) {
            if (used[c]) {
                newIndex[c] = categories.size();
                categories.add(ratings.categories().get(c));
            }
        }
        for (int p = 0; p < pairs; p++) {
            rows[p] = newIndex[rows[p]];
            columns[p] = newIndex[columns[p]];
        }
        return new ConfusionMatrix(rowRater, columnRater, categories, tally(rows, columns, pairs, categories.size()));
    }

    private static int[][] tally(int[] rows, int[] columns, int pairs, int size) {
        int[][] counts = new int[size][size];
        for (int p = 0; p < pairs; p++) {
            counts[rows[p]][columns[p]]++;
        }
        return counts;
    }

    /** Who the rows are, e.g. a reviewer's id. */
    public String rowLabel() {
        return rowLabel;
    }

    /** Who the columns are, e.g. another reviewer's id or "model". */
    public String columnLabel() {
        return columnLabel;
    }

    /** Labels of both the rows and the columns, in the same order. */
    public List<String> categories() {
        return categories;
    }

    /** Units the row rater put in {@code row} and the column rater in {@code column}; 0 for a category not listed. */
    public int count(String row, String column) {
        Integer r = index.get(row);
        Integer c = index.get(column);
        return r == null || c == null ? 0 : counts[r][c];
    }

    public int rowTotal(String row) {
        Integer r = index.get(row);
        return r == null ? 0 : rowTotals[r];
    }

    public int columnTotal(String column) {
        Integer c = index.get(column);
        return c == null ? 0 : columnTotals[c];
    }

    /** Units in the matrix. */
    public int total() {
        return total;
    }

    int count(int row, int column) {
        return counts[row][column];
    }

    int rowTotal(int row) {
        return rowTotals[row];
    }

    int columnTotal(int column) {
        return columnTotals[column];
    }
}
