/**
 * What every module shares: the contracts, {@link io.oversight.kernel.CanonicalJson}, the one text
 * that content digests in ledger entries are computed over, and the refusal exceptions
 * ({@link io.oversight.kernel.RefusalException} and its subclasses) that the application maps once to
 * RFC 9457 problem+json; and two helpers of every module's hot paths,
 * {@link io.oversight.kernel.JsonFactories} and {@link io.oversight.kernel.KeptReads}. Plain Java with
 * JSON-P's API as its only dependency, so that the offline verifier and every module can use it
 * without pulling in a server.
 */
package io.oversight.kernel;
