package io.oversight.tasks.intake;

import io.oversight.kernel.ConflictException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The client keys of one workflow that one write sees as used: those stored before it, then those its
 * own new items take, in order. So the predictions of a coalesced group are answered as if they had
 * come one after the other: a key used earlier in the group makes a later prediction with it a replay,
 * or a conflict when the prediction differs, exactly as a key already stored does.
 *
 * @param <I> the item a key names
 */
final class ClientKeyUses<I> {

    private record Use<I>(I item, String requestDigest) {
    }

    private final String workflowKey;
    private final Map<String, Use<I>> used = new HashMap<>();

    ClientKeyUses(String workflowKey) {
        this.workflowKey = workflowKey;
    }

    /** Records that {@code clientKey} names {@code item}, made by the request with this digest. */
    void use(String clientKey, I item, String requestDigest) {
        used.put(clientKey, new Use<>(item, requestDigest));
    }

    /**
     * The item a prediction replays, or empty when its key is still free.
     *
     * @throws ConflictException when the key names an item made by a different prediction
     */
    Optional<I> replayed(String clientKey, String requestDigest) {
        Use<I> use = used.get(clientKey);
        if (use == null) {
            return Optional.empty();
        }
        if (!use.requestDigest().equals(requestDigest)) {
            throw new ConflictException("Client key " + clientKey + " was already used for a different prediction of workflow "
                    + workflowKey + "; a client key must identify one prediction.");
        }
        return Optional.of(use.item());
    }
}
