package io.oversight.simulator.platform;

/** The platform answered a call with a status the harness did not expect. */
public class PlatformException extends RuntimeException {

    private final int status;

    PlatformException(String call, int status, String body) {
        super(call + " answered " + status + ": " + body);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
