package io.oversight.kernel;

/** 413: the request body or one of its values exceeds a documented limit. */
public class PayloadTooLargeException extends RefusalException {

    public PayloadTooLargeException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 413;
    }

    @Override
    public String problemType() {
        return "payload-too-large";
    }

    @Override
    public String title() {
        return "Payload Too Large";
    }
}
