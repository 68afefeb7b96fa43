package io.oversight.governance;

import io.oversight.ledger.format.Digest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One version of a workflow's labelling guideline. Its content (instructions and examples,
 * tied to one taxonomy version) is fixed once it leaves {@link GuidelineStatus#DRAFT}; the content
 * digest is SHA-256 of its canonical serialization and is what ledger entries name.
 *
 * @param number          1, 2, ... within the workflow
 * @param taxonomyVersion the taxonomy version its examples' label codes belong to
 * @param instructions    Markdown or HTML source, exactly as written (render it sanitized)
 * @param contentDigest   SHA-256 of the canonical serialization of the content
 */
public record GuidelineVersion(
        String id,
        String workflowKey,
        int number,
        int taxonomyVersion,
        GuidelineStatus status,
        ContentFormat format,
        String instructions,
        List<GuidelineExample> examples,
        Digest contentDigest,
        Instant createdAt,
        Instant statusChangedAt) {

    public GuidelineVersion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(instructions, "instructions");
        examples = List.copyOf(examples);
        Objects.requireNonNull(contentDigest, "contentDigest");
    }

    /** A short name for people: {@code loan-dispute-triage v3}. */
    public String label() {
        return workflowKey + " v" + number;
    }
}
