package io.oversight.kernel;

/** 409: the request is valid but the current state does not allow it (a transition that does not exist, a duplicate, a stale version). */
public class ConflictException extends RefusalException {

    public ConflictException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String problemType() {
        return "conflict";
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
