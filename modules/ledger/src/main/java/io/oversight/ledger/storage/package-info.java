/**
 * The ledger's persistence and sealing in plain JDBC, internal to the module: the outbox, the
 * sequencer and its head row lock, tiles, checkpoints, signing keys, the pseudonym vault, the online
 * verifier and the bundle exporter. Classes work on a {@link java.sql.Connection} whose transaction
 * the caller owns (or a {@link javax.sql.DataSource} for the sequencer's own local transactions), and
 * depend on no container, so they are tested directly against H2 and PostgreSQL. The tables are
 * created by the Flyway scripts in {@code db/migration/ledger/<vendor>}.
 */
package io.oversight.ledger.storage;
