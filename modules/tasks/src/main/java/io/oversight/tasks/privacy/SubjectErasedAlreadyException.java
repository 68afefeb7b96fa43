package io.oversight.tasks.privacy;

import io.oversight.kernel.RefusalException;
import java.time.Instant;
import java.util.Map;

/** 410: the subject was erased before; nobody can tell who it was any more, so there is nothing left to erase. */
public final class SubjectErasedAlreadyException extends RefusalException {

    private static final long serialVersionUID = 1L;

    private final Instant erasedAt;

    SubjectErasedAlreadyException(String message, Instant erasedAt) {
        super(message);
        this.erasedAt = erasedAt;
    }

    @Override
    public int status() {
        return 410;
    }

    @Override
    public String problemType() {
        return "subject-erased";
    }

    @Override
    public String title() {
        return "Subject already erased";
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("erasedAt", erasedAt.toString());
    }
}
