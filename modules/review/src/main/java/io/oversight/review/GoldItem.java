package io.oversight.review;

import io.oversight.tasks.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public record GoldItem(String itemId, String workflowKey, Verdict verdict, List<String> labels, Optional<String> output,
        Instant markedAt) {

    public GoldItem {
        labels = List.copyOf(labels);
    }
}
