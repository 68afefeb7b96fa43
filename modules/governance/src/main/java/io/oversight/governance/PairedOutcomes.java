package io.oversight.governance;

import java.time.Instant;

/**
 * The items two snapshots of a workflow both predicted, with people's final answer, for the promotion
 * gate's non-inferiority test on the same items (paired). Two predictions are of the same item when
 * they carry the same {@code correlationId}; the human-final answer of the pair is that of the
 * candidate's prediction when people settled it (a review, or an audit that confirmed it), else that
 * of the active snapshot's. Implemented by {@code tasks}, which holds the items (governance cannot
 * depend on tasks); read once per gated promotion, never on the intake path.
 */
public interface PairedOutcomes {

    /**
     * The 2×2 table of the paired items: which snapshot's prediction agreed with people's answer.
     *
     * @param bothRight     both agreed
     * @param candidateOnly only the candidate agreed
     * @param activeOnly    only the active snapshot agreed
     * @param bothWrong     neither agreed
     */
    record Table(long bothRight, long candidateOnly, long activeOnly, long bothWrong) {

        public Table {
            if (bothRight < 0 || candidateOnly < 0 || activeOnly < 0 || bothWrong < 0) {
                throw new IllegalArgumentException("counts of a 2×2 table are not negative");
            }
        }

        public long n() {
            return bothRight + candidateOnly + activeOnly + bothWrong;
        }
    }

    /**
     * @param since the candidate's registration: it predicted nothing earlier
     */
    Table between(String workflowKey, String candidateSnapshotId, String activeSnapshotId, Instant since);
}
