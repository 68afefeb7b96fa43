package io.oversight.tasks.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.kernel.ConflictException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Duplicate client keys within one coalesced group are answered as if the predictions came one after the other. */
class ClientKeyUsesTest {

    @Test
    void aFreeKeyIsNewAndAKeyStoredBeforeIsAReplayOfItsItem() {
        ClientKeyUses<String> keys = new ClientKeyUses<>("wf");
        keys.use("stored", "item-1", "digest-1");

        assertEquals(Optional.empty(), keys.replayed("free", "digest-2"));
        assertEquals(Optional.of("item-1"), keys.replayed("stored", "digest-1"));
    }

    @Test
    void aKeyTakenEarlierInTheGroupMakesTheSamePredictionAReplayAndAnotherOneAConflict() {
        ClientKeyUses<String> keys = new ClientKeyUses<>("wf");
        assertEquals(Optional.empty(), keys.replayed("k", "digest-a"));
        keys.use("k", "item-new", "digest-a");

        assertEquals(Optional.of("item-new"), keys.replayed("k", "digest-a"));
        ConflictException reused = assertThrows(ConflictException.class, () -> keys.replayed("k", "digest-b"));
        assertTrue(reused.getMessage().contains("Client key k was already used for a different prediction of workflow wf"),
                reused.getMessage());
        assertEquals(Optional.of("item-new"), keys.replayed("k", "digest-a"), "a conflict takes nothing from the first");
    }
}
