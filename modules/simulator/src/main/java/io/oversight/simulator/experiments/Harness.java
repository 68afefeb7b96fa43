package io.oversight.simulator.experiments;

import io.oversight.simulator.corpus.Message;
import io.oversight.simulator.platform.Platform;
import io.oversight.simulator.reviewers.SimulatedReviewer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the experiments share: the platform, the corpus, where results go, and a run tag that keeps
 * the workflow keys of this run apart from earlier runs on the same server (it does not influence
 * any result: those follow from the seeds).
 */
public final class Harness {

    final Platform platform;
    final List<Message> corpus;
    final Path out;
    final String runTag;
    /** Posted messages by the opaque reference in their payload; the simulated people look truth up here. */
    final Map<String, Message> postedMessages = new ConcurrentHashMap<>();

    /** Settles disagreements where an experiment does not study the adjudicator's accuracy. */
    static final SimulatedReviewer ADJUDICATOR = new SimulatedReviewer("sim-adjudicator", 0.99, SimulatedReviewer.Behaviour.HONEST);

    public Harness(Platform platform, List<Message> corpus, Path out, String runTag) {
        this.platform = platform;
        this.corpus = List.copyOf(corpus);
        this.out = out;
        this.runTag = runTag.toLowerCase(Locale.ROOT);
    }

    String workflowKey(String experiment, String variant) {
        String key = ("sim-" + experiment + "-" + variant + "-" + runTag).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return key.length() > 63 ? key.substring(0, 63) : key;
    }

    ModelService modelService(String workflowKey, long seed) {
        return new ModelService(platform, workflowKey, postedMessages, seed);
    }

    /** A crew that claims ten tasks per call. */
    ReviewCrew crew(List<SimulatedReviewer> panel, SimulatedReviewer adjudicator, long seed) {
        return new ReviewCrew(platform, postedMessages, panel, adjudicator, seed, 10);
    }

    /** A crew that claims one task per call, so each claim may be served a gold item. */
    ReviewCrew goldCheckedCrew(List<SimulatedReviewer> panel, SimulatedReviewer adjudicator, long seed) {
        return new ReviewCrew(platform, postedMessages, panel, adjudicator, seed, 1);
    }
}
