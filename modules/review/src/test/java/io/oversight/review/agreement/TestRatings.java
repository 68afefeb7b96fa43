package io.oversight.review.agreement;

/** Reliability data written the way the papers print it. */
final class TestRatings {

    private TestRatings() {
    }

    /**
     * One string per rater (raters A, B, C, ...), one space-separated value per unit (units u1, u2, ...),
     * "." for a missing value.
     */
    static Ratings byRater(String... raters) {
        Ratings.Builder builder = Ratings.builder();
        for (int r = 0; r < raters.length; r++) {
            String[] cells = raters[r].trim().split("\\s+");
            for (int u = 0; u < cells.length; u++) {
                builder.add("u" + (u + 1), String.valueOf((char) ('A' + r)), cells[u].equals(".") ? null : cells[u]);
            }
        }
        return builder.build();
    }

    /**
     * Fleiss' layout: {@code counts[unit][j]} raters put the unit in {@code categories[j]}; the raters of
     * each unit are numbered r1, r2, ... anew, as Fleiss' kappa does not assume the same raters.
     */
    static Ratings fromCounts(int[][] counts, String... categories) {
        Ratings.Builder builder = Ratings.builder();
        for (int u = 0; u < counts.length; u++) {
            int rater = 0;
            for (int j = 0; j < categories.length; j++) {
                for (int k = 0; k < counts[u][j]; k++) {
                    builder.add("s" + (u + 1), "r" + ++rater, categories[j]);
                }
            }
        }
        return builder.build();
    }
}
