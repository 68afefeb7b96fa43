/**
 * The ledger's byte format and its verification, in plain Java and BouncyCastle only, so that the
 * server and the offline verifier agree byte for byte.
 *
 * <p>What lives here: the canonical entry encoding ({@link io.oversight.ledger.format.EntryCodec}),
 * the domain-separated hashes ({@link io.oversight.ledger.format.LedgerHashes}), RFC 6962 Merkle
 * math ({@link io.oversight.ledger.format.CompactRange},
 * {@link io.oversight.ledger.format.MerkleProofs}, {@link io.oversight.ledger.format.ProofVerifier}),
 * tiled hash storage addressing ({@link io.oversight.ledger.format.TiledTree}), C2SP signed-note
 * checkpoints ({@link io.oversight.ledger.format.NoteSigner},
 * {@link io.oversight.ledger.format.CheckpointVerifier}), the trust file and the offline bundle
 * ({@link io.oversight.ledger.format.BundleWriter}, {@link io.oversight.ledger.format.BundleVerifier}).
 *
 * <p>Rules of the package: it imports nothing but {@code java.*} and {@code org.bouncycastle.*};
 * verification always hashes the bytes as stored and never re-serialized ones (Rekor #1943); the
 * hash chain and the Merkle tree are each verified on their own terms (immudb CVE-2022-36111); the
 * log origin and keys are pinned by the caller (immudb CVE-2022-39199). Verification failures are
 * checked {@link io.oversight.ledger.format.VerificationException}s carrying their evidence.
 */
package io.oversight.ledger.format;
