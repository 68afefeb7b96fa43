package io.oversight.tasks;

import java.util.Objects;

/** One of the two outputs a pairwise-preference item compares, with the caller's id for it. */
public record Candidate(String id, String output) {

    public Candidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(output, "output");
    }
}
