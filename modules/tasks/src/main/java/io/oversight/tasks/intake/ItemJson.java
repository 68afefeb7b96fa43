package io.oversight.tasks.intake;

import io.oversight.kernel.JsonFactories;
import io.oversight.tasks.Candidate;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON texts an item row keeps: its class scores and its candidate outputs. */
public final class ItemJson {

    private ItemJson() {
    }

    public static Map<String, Double> classScores(String jsonObject) {
        if (jsonObject == null) {
            return Map.of();
        }
        try (var reader = JsonFactories.PROVIDER.createReader(new StringReader(jsonObject))) {
            Map<String, Double> scores = new LinkedHashMap<>();
            reader.readObject().forEach((label, score) -> scores.put(label, ((JsonNumber) score).doubleValue()));
            return scores;
        }
    }

    public static String candidatesJson(List<Candidate> candidates) {
        JsonArrayBuilder array = JsonFactories.PROVIDER.createArrayBuilder();
        candidates.forEach(c -> array.add(JsonFactories.PROVIDER.createObjectBuilder().add("id", c.id()).add("output", c.output())));
        return array.build().toString();
    }

    public static List<Candidate> candidates(String json) {
        if (json == null) {
            return List.of();
        }
        try (var reader = JsonFactories.PROVIDER.createReader(new StringReader(json))) {
            return reader.readArray().getValuesAs(JsonObject.class).stream()
                    .map(o -> new Candidate(o.getString("id"), o.getString("output"))).toList();
        }
    }
}
