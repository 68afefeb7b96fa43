package io.oversight.review;

import io.oversight.tasks.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One completed review of an item, shown to its adjudicator. {@code reviewer} is a login only when permitted. */
public record ReviewSummary(String reviewer, int tier, Verdict verdict, List<String> labels, Optional<String> output,
        Optional<String> rationale, Instant completedAt) {

    public ReviewSummary {
        labels = List.copyOf(labels);
    }
}
