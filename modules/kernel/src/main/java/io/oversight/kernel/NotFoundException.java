package io.oversight.kernel;

/** 404: the request names something that does not exist (or that the caller may not know exists). */
public class NotFoundException extends RefusalException {

    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String problemType() {
        return "not-found";
    }

    @Override
    public String title() {
        return "Not Found";
    }
}
