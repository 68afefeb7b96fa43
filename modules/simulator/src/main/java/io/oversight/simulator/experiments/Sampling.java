package io.oversight.simulator.experiments;

import io.oversight.simulator.corpus.Message;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Splits come in id order (grouped by corpus folder); experiments draw from them in a seeded order. */
final class Sampling {

    private Sampling() {
    }

    static List<Message> shuffled(List<Message> messages, long seed) {
        List<Message> copy = new ArrayList<>(messages);
        Collections.shuffle(copy, new Random(seed));
        return copy;
    }
}
