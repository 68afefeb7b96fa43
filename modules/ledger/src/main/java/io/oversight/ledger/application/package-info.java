/**
 * The ledger's container layer: CDI beans implementing the module API on top of the plain-JDBC
 * {@code storage} package, with JTA where the caller's transaction matters (recording, reveal,
 * erasure, key rotation) and local transactions where it must not (the sequencer, verification jobs,
 * exports, pseudonym issuance). Configuration comes from MicroProfile Config.
 */
package io.oversight.ledger.application;
