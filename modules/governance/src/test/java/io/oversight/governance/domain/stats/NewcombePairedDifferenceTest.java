package io.oversight.governance.domain.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.governance.PairedOutcomes;
import org.junit.jupiter.api.Test;

class NewcombePairedDifferenceTest {

    /**
     * A synthetic paired set of 60 items: both right 40, only the candidate right 5, only the active
     * snapshot right 10, both wrong 5. By hand (z = 1.959964, z² = 3.841459):
     * p₁ = 45/60 = 0.75, p₂ = 50/60 = 0.833333, D = (5 − 10)/60 = −0.083333.
     * Wilson 45/60: centre (0.75 + z²/120)/(1 + z²/60) = 0.782012/1.064024 = 0.734957,
     * half z/1.064024·√(0.75·0.25/60 + z²/14400) = 1.842029·0.058239 = 0.107278 → (0.627679, 0.842235).
     * Wilson 50/60 likewise → (0.719684, 0.906868).
     * φ = (40·5 − 5·10)/√(45·15·50·10) = 150/580.948 = 0.258199.
     * p₁ − l₁ = 0.122321, u₂ − p₂ = 0.073535: L = D − √(0.122321² − 2φ·0.122321·0.073535 + 0.073535²)
     * = −0.083333 − √0.015725 = −0.208732.
     * u₁ − p₁ = 0.092235, p₂ − l₂ = 0.113649: U = D + √(0.092235² − 2φ·0.092235·0.113649 + 0.113649²)
     * = −0.083333 + √0.016010 = 0.043199.
     */
    @Test
    void aSyntheticPairedSetMatchesTheHandWorkedInterval() {
        NewcombeDifference.Interval d = NewcombePairedDifference.of(new PairedOutcomes.Table(40, 5, 10, 5)).orElseThrow();
        assertEquals(-0.083333, d.difference(), 1e-6);
        assertEquals(-0.208732, d.lower(), 1e-6);
        assertEquals(0.043199, d.upper(), 1e-6);
    }

    /**
     * The same marginals as two independent samples of 60 give L = D − √(0.122321² + 0.073535²)
     * = −0.226056: items both got right or wrong correlate the two proportions (φ > 0), and pairing
     * narrows the interval. A margin of 0.22 refuses the independent comparison and passes the paired one.
     */
    @Test
    void pairingNarrowsTheIntervalOfTheSameMarginals() {
        NewcombeDifference.Interval paired = NewcombePairedDifference.of(new PairedOutcomes.Table(40, 5, 10, 5)).orElseThrow();
        NewcombeDifference.Interval independent = NewcombeDifference.of(45, 60, 50, 60).orElseThrow();
        assertEquals(-0.226056, independent.lower(), 1e-6);
        assertTrue(paired.lower() > -0.22 && independent.lower() < -0.22);
    }

    /**
     * n = 44, both right 30, only the candidate 8, only the active 2, both wrong 4: p₁ = 38/44 = 0.863636,
     * p₂ = 32/44 = 0.727273, D = 6/44 = 0.136364, φ = (30·4 − 8·2)/√(38·6·32·12) = 104/295.892 = 0.351480;
     * Wilson 38/44 (0.732905, 0.935970) and 32/44 (0.581511, 0.836536);
     * L = 0.136364 − √(0.130731² − 2φ·0.130731·0.109263 + 0.109263²) = −0.001433, U = 0.274447.
     * The candidate is better by 13.6 points, yet the lower bound sits just below 0: a margin of 0
     * (superiority) refuses, any margin of a point passes.
     */
    @Test
    void aBetterCandidateOnFewItemsHasALowerBoundJustBelowZero() {
        NewcombeDifference.Interval d = NewcombePairedDifference.of(new PairedOutcomes.Table(30, 8, 2, 4)).orElseThrow();
        assertEquals(0.136364, d.difference(), 1e-6);
        assertEquals(-0.001433, d.lower(), 1e-6);
        assertEquals(0.274447, d.upper(), 1e-6);
    }

    /** All pairs agree: a row and a column are empty, φ is taken as 0, the interval is ±(1 − l) of 12/12. */
    @Test
    void perfectAgreementOnBothSidesUsesNoCorrelation() {
        NewcombeDifference.Interval d = NewcombePairedDifference.of(new PairedOutcomes.Table(12, 0, 0, 0)).orElseThrow();
        assertEquals(0, d.difference(), 1e-12);
        // Wilson 12/12 = (0.757506, 1): L = 0 − √(0.242494² + 0) = −0.242494
        assertEquals(-0.242494, d.lower(), 1e-6);
        assertEquals(0.242494, d.upper(), 1e-6);
    }

    @Test
    void noPairedItemHasNoInterval() {
        assertTrue(NewcombePairedDifference.of(new PairedOutcomes.Table(0, 0, 0, 0)).isEmpty());
    }
}
