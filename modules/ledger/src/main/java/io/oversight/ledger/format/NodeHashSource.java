package io.oversight.ledger.format;

/**
 * Where proof building gets the hashes of complete tree nodes from: an in-memory tree, the server's
 * tile storage ({@link TiledTree}), or anything else that can produce them.
 */
@FunctionalInterface
public interface NodeHashSource {

    /**
     * The hash of the complete node at {@code level} and {@code index}, that is the RFC 6962 root of
     * leaves {@code [index * 2^level, (index + 1) * 2^level)}. Callers only ask for nodes that are
     * complete in the tree size they are building a proof for.
     */
    byte[] nodeHash(int level, long index);
}
