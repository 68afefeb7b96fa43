package io.oversight.review.decision;

import io.oversight.review.ReviewQueues;
import io.oversight.review.ReviewerNotice;
import io.oversight.review.ReviewerWorkload;
import io.oversight.review.claim.ReviewClaims;
import io.oversight.review.quality.Notices;
import io.oversight.review.quality.WorkloadLimits;
import io.oversight.review.reveal.PersonalDataReveal;
import io.oversight.tasks.ClaimedTask;
import io.oversight.tasks.Preference;
import io.oversight.tasks.QueueKey;
import io.oversight.tasks.QueueStatistics;
import io.oversight.tasks.ReviewItem;
import io.oversight.tasks.ReviewTask;
import io.oversight.tasks.TaskLeases;
import io.oversight.tasks.TaskResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The module's {@link ReviewQueues} API, answered by the rooms that own each part: claims
 * ({@link ReviewClaims}), answers ({@link Completions}), skips, releases and escalations
 * ({@link Handovers}), fatigue caps ({@link WorkloadLimits}), notices ({@link Notices}) and
 * personal-data reveal ({@link PersonalDataReveal}). It opens no transaction of its own: each of those
 * commits its change with its ledger records.
 */
@ApplicationScoped
public class ReviewWork implements ReviewQueues {

    @Inject
    ReviewClaims claims;

    @Inject
    Completions completions;

    @Inject
    Handovers handovers;

    @Inject
    WorkloadLimits limits;

    @Inject
    Notices notices;

    @Inject
    PersonalDataReveal reveal;

    @Inject
    TaskLeases leases;

    @Override
    public List<QueueStatistics> myQueues() {
        return claims.myQueues();
    }

    @Override
    public List<ClaimedTask> claimNext(QueueKey queue, int count) {
        return claims.claimNext(queue, count);
    }

    @Override
    public Optional<ClaimedTask> claimNextAnywhere() {
        return claims.claimNextAnywhere();
    }

    @Override
    public List<ClaimedTask> myClaims() {
        return claims.myClaims();
    }

    @Override
    public ReviewerWorkload workload(String workflowKey) {
        return limits.workload(workflowKey);
    }

    @Override
    public List<ReviewerNotice> myNotices() {
        return notices.mine();
    }

    @Override
    public void markNoticeRead(String noticeId) {
        notices.markRead(noticeId);
    }

    @Override
    public boolean mayRevealPersonalData(String workflowKey) {
        return reveal.mayReveal(workflowKey);
    }

    @Override
    public Map<String, String> revealPersonalData(String taskId, String justification) {
        return reveal.reveal(taskId, justification);
    }

    @Override
    public ReviewTask skip(String taskId, String reason) {
        return handovers.skip(taskId, reason);
    }

    @Override
    public ReviewTask release(String taskId, String reason) {
        return handovers.release(taskId, reason);
    }

    @Override
    public ReviewTask escalate(String taskId, int toTier, String reason) {
        return handovers.escalate(taskId, toTier, reason);
    }

    @Override
    public ReviewTask complete(String taskId, TaskResult result) {
        return completions.complete(taskId, result);
    }

    @Override
    public ReviewTask completePreference(String taskId, Preference preference, String rationale) {
        return completions.completePreference(taskId, preference, rationale);
    }

    @Override
    public boolean predictionShown(ReviewTask task) {
        return completions.predictionShown(task);
    }

    @Override
    public Optional<ReviewItem> item(String itemId) {
        return leases.item(itemId, false);
    }
}
