package io.oversight.ledger;

/**
 * Lifecycle of this server's sequencer. Every server may run one: a database row lock makes them
 * take turns, so the log never forks. Start it after the ledger's migrations have run.
 */
public interface SequencerControl {

    /** Schedules the sealing loop; does nothing if it is running. */
    void start();

    /** Stops the loop after the batch in progress, if any. */
    void stop();

    /** The sequencer's state, read from the database and this server's loop. */
    SequencerHealth health();
}
