package io.oversight.tasks.privacy;

import io.oversight.kernel.ConflictException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * 409: the subject's workflow is under legal hold, or its retention period has not run out. Nothing
 * changed. The problem document carries {@code blockedBy} ({@code LEGAL_HOLD} or
 * {@code RETENTION_PERIOD}) and, for retention, {@code possibleFrom}: the first instant erasure is allowed.
 */
public final class ErasureRefusedException extends ConflictException {

    private static final long serialVersionUID = 1L;

    private final String blockedBy;
    private final transient Optional<Instant> possibleFrom;

    ErasureRefusedException(String message, String blockedBy, Optional<Instant> possibleFrom) {
        super(message);
        this.blockedBy = blockedBy;
        this.possibleFrom = possibleFrom;
    }

    @Override
    public String problemType() {
        return "erasure-refused";
    }

    @Override
    public String title() {
        return "Erasure refused";
    }

    public String blockedBy() {
        return blockedBy;
    }

    public Optional<Instant> possibleFrom() {
        return possibleFrom;
    }

    @Override
    public Map<String, Object> extensions() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("blockedBy", blockedBy);
        possibleFrom.ifPresent(at -> members.put("possibleFrom", at.toString()));
        return members;
    }
}
