package io.oversight.export.application;

/**
 * Why a report or training-set job cannot go on, in words its requester can act on: a failed job's
 * row shows this message as it is. Any other failure is a fault of the server, and the row says only
 * that and where the log has it ({@link #describe}), never an exception's name or message.
 */
final class JobFailure extends RuntimeException {

    JobFailure(String message) {
        super(message, null, false, false);
    }

    /** What a failed job's row tells people about {@code failure}. */
    static String describe(String jobId, Throwable failure) {
        if (failure instanceof JobFailure known) {
            return known.getMessage();
        }
        return "The server failed while working on it (its log has the details under job " + jobId
                + "); request it again.";
    }
}
