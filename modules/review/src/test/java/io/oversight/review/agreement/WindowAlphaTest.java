package io.oversight.review.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oversight.governance.domain.stats.NominalAlpha;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Governance's reviewer-agreement monitor keeps Krippendorff's alpha per window as two additive sums
 * ({@link NominalAlpha}), fed by review as items' reviews are weighed. This checks those sums against
 * this module's alpha on the same units: per window, and for windows merged by addition.
 */
class WindowAlphaTest {

    private static final String[] CATEGORIES = {"fraud", "ok", "unclear"};

    @Test
    void theMonitorsAdditiveAlphaEqualsTheAgreementLibrarysPerWindowAndMerged() {
        Random random = new Random(7);
        int[][][] windows = new int[3][][];
        for (int w = 0; w < windows.length; w++) {
            windows[w] = new int[40 + 20 * w][CATEGORIES.length];
            for (int[] unit : windows[w]) {
                int reviewers = 1 + random.nextInt(4);
                int leaning = random.nextInt(CATEGORIES.length);
                for (int r = 0; r < reviewers; r++) {
                    unit[random.nextDouble() < 0.7 ? leaning : random.nextInt(CATEGORIES.length)]++;
                }
            }
        }
        NominalAlpha merged = NominalAlpha.empty();
        for (int[][] window : windows) {
            NominalAlpha sums = NominalAlpha.empty();
            for (int[] unit : window) {
                sums = sums.plusUnit(answers(unit));
            }
            assertEquals(KrippendorffAlpha.nominal(TestRatings.fromCounts(window, CATEGORIES)).value().getAsDouble(),
                    sums.value().orElseThrow(), 1e-12);
            merged = merged.plus(sums);
        }
        int[][] all = new int[windows[0].length + windows[1].length + windows[2].length][];
        int i = 0;
        for (int[][] window : windows) {
            for (int[] unit : window) {
                all[i++] = unit;
            }
        }
        Agreement library = KrippendorffAlpha.nominal(TestRatings.fromCounts(all, CATEGORIES));
        assertEquals(library.value().getAsDouble(), merged.value().orElseThrow(), 1e-12);
        assertEquals(library.values(), merged.pairable(), "n: the pairable values");
    }

    private static Map<String, Long> answers(int[] unit) {
        Map<String, Long> answers = new HashMap<>();
        for (int j = 0; j < unit.length; j++) {
            if (unit[j] > 0) {
                answers.put(CATEGORIES[j], (long) unit[j]);
            }
        }
        return answers;
    }
}
