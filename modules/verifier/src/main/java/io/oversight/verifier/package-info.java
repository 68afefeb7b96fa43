/**
 * Offline verifier of ledger bundles: runs with plain Java and BouncyCastle only, with no
 * server and no database, and reuses the ledger's format package so both sides agree byte for byte.
 */
package io.oversight.verifier;
