package io.oversight.kernel;

/** 403: the caller is known but may not do this. */
public class ForbiddenException extends RefusalException {

    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String problemType() {
        return "forbidden";
    }

    @Override
    public String title() {
        return "Forbidden";
    }
}
