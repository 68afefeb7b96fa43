package io.oversight.simulator.experiments;

import io.oversight.simulator.corpus.Message;
import io.oversight.simulator.model.ClassScores;
import io.oversight.simulator.model.LabelledText;
import io.oversight.simulator.model.SpamClassifier;
import io.oversight.simulator.platform.Outcome;
import io.oversight.simulator.platform.Platform;
import io.oversight.simulator.platform.PostedPrediction;
import io.oversight.simulator.platform.PredictionRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The customer's model service in the loop: it trains the classifier only on labels it holds (its
 * seed set and what the platform released), registers each trained model as a snapshot, posts its
 * predictions, and reads the released labels back from the status API.
 */
final class ModelService {

    /** Keeps scores inside (0, 1): a confidence of exactly 1 would always be auto-accepted. */
    private static final double SCORE_FLOOR = 0.0001;

    private final Platform platform;
    private final String workflowKey;
    private final long seed;
    private final Map<String, Message> byReference;
    private SpamClassifier model;
    private String snapshotId;
    private int version;

    /**
     * @param byReference where the service notes each message it posts under its opaque reference
     *                    (shared with the reviewers, who look the true label up there)
     */
    ModelService(Platform platform, String workflowKey, Map<String, Message> byReference, long seed) {
        this.platform = platform;
        this.byReference = byReference;
        this.workflowKey = workflowKey;
        this.seed = seed;
    }

    SpamClassifier model() {
        return model;
    }

    /** Trains on these labels and makes the result the workflow's active snapshot. */
    SpamClassifier retrain(List<LabelledText> labels, String reason) {
        model = SpamClassifier.train(labels, seed);
        version++;
        snapshotId = platform.registerModel(workflowKey, "r" + version, model.fingerprint(),
                reason + " (" + labels.size() + " labels)");
        return model;
    }

    /**
     * Trains the first model on the customer's own labelled messages (their true labels) and makes it
     * the active snapshot.
     *
     * @return the labels trained on, for later rounds to add released labels to
     */
    List<LabelledText> trainSeedModel(List<Message> seedSet) {
        List<LabelledText> labelled = new ArrayList<>();
        seedSet.forEach(m -> labelled.add(LabelledText.withTrueLabel(m)));
        retrain(labelled, "Seed model: " + seedSet.size() + " labelled messages");
        return labelled;
    }

    /** Posts the current model's prediction for each message. */
    List<PostedPrediction> predict(List<Message> messages, String clientKeyPrefix) {
        List<PredictionRequest> requests = new ArrayList<>(messages.size());
        for (Message message : messages) {
            String reference = reference(message);
            byReference.put(reference, message);
            ClassScores scores = model.score(message);
            Map<String, Double> clamped = clampedScores(scores);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("messageId", reference);
            payload.put("subject", message.subject());
            payload.put("from", message.sender());
            payload.put("body", message.body());
            requests.add(new PredictionRequest(clientKeyPrefix + "/" + reference, snapshotId, payload, scores.label(), clamped));
        }
        return platform.post(workflowKey, requests);
    }

    /** The confidence the service posts for the current model's prediction of this message. */
    double confidence(Message message) {
        ClassScores scores = model.score(message);
        return clampedScores(scores).get(scores.label());
    }

    private static Map<String, Double> clampedScores(ClassScores scores) {
        Map<String, Double> clamped = new LinkedHashMap<>();
        double spam = Math.min(1 - SCORE_FLOOR, Math.max(SCORE_FLOOR, scores.probability("spam")));
        clamped.put("spam", spam);
        clamped.put("ham", 1 - spam);
        return clamped;
    }

    /** The labels the platform released for these predictions; undecided ones are left out. */
    List<LabelledText> released(List<PostedPrediction> posted) {
        List<LabelledText> labels = new ArrayList<>();
        for (Outcome outcome : outcomes(posted)) {
            outcome.releasedLabel().ifPresent(label -> labels.add(new LabelledText(messageOf(outcome.clientKey()), label)));
        }
        return labels;
    }

    /** What the status API says of each prediction now. */
    List<Outcome> outcomes(List<PostedPrediction> posted) {
        return posted.stream().map(p -> platform.outcome(workflowKey, p.id())).toList();
    }

    /** The message a client key of this service names. */
    Message messageOf(String clientKey) {
        return byReference.get(clientKey.substring(clientKey.lastIndexOf('/') + 1));
    }

    static String reference(Message message) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(message.id().getBytes(StandardCharsets.UTF_8));
            return "m" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
