package io.oversight.governance.domain;

import io.oversight.kernel.JsonFactories;
import io.oversight.kernel.CanonicalJson;
import io.oversight.kernel.Violations;
import io.oversight.governance.ConfidenceBands;
import io.oversight.governance.LabelThreshold;
import io.oversight.governance.LowConfidenceOutcome;
import io.oversight.governance.ReviewBand;
import io.oversight.governance.RoutingRule;
import io.oversight.governance.SlaTarget;
import io.oversight.governance.Taxonomy;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The content of a routing-policy version as written. Fields are boxed so a missing
 * one is reported as missing. {@link #validate} turns it into the immutable parts of a
 * {@link io.oversight.governance.RoutingPolicy} or reports every problem precisely.
 */
public record PolicyContent(
        Double autoAcceptAtOrAbove,
        Double lowAtOrBelow,
        LowConfidenceOutcome lowOutcome,
        List<BandSpec> reviewBands,
        List<ThresholdSpec> labelThresholds,
        List<String> rules,
        Double hotlSamplingRate,
        List<SlaSpec> slaTargets) {

    public record BandSpec(Double atOrAbove, Integer tier) {
    }

    public record ThresholdSpec(String labelCode, Double autoAcceptAtOrAbove, Double lowAtOrBelow) {
    }

    public record SlaSpec(Integer tier, Integer minutesToReview, Integer maxQueueDepth) {
    }

    /** The validated parts of a policy. */
    public record Parts(ConfidenceBands bands, List<LabelThreshold> labelThresholds, List<RoutingRule> rules,
                       double hotlSamplingRate, List<SlaTarget> slaTargets) {
    }

    public static final int MAX_RULES = 100;

    /**
     * Checks every field. With a taxonomy, label codes of per-label thresholds must exist in it; without
     * (re-reading stored content), they are taken as stored.
     */
    public Parts validate(Optional<Taxonomy> taxonomy) {
        Violations v = new Violations();
        boolean acceptOk = probability(v, "autoAcceptAtOrAbove", autoAcceptAtOrAbove);
        boolean lowOk = probability(v, "lowAtOrBelow", lowAtOrBelow);
        if (acceptOk && lowOk) {
            v.check(lowAtOrBelow < autoAcceptAtOrAbove, "lowAtOrBelow",
                    "must be below autoAcceptAtOrAbove (" + autoAcceptAtOrAbove + "), got " + lowAtOrBelow);
        }
        v.check(lowOutcome != null, "lowOutcome", "is required (AUTO_REJECT or ESCALATE)");
        List<ReviewBand> bands = new ArrayList<>();
        List<BandSpec> bandSpecs = reviewBands == null ? List.of() : reviewBands;
        v.check(!bandSpecs.isEmpty(), "reviewBands", "at least one human review band is required");
        v.check(bandSpecs.size() <= 10, "reviewBands", "at most 10 bands");
        Double previous = null;
        for (int i = 0; i < bandSpecs.size(); i++) {
            BandSpec b = bandSpecs.get(i);
            String field = "reviewBands[" + i + "]";
            if (b == null) {
                v.add(field, "is empty");
                continue;
            }
            boolean ok = probability(v, field + ".atOrAbove", b.atOrAbove());
            ok &= tier(v, field + ".tier", b.tier());
            if (!ok) {
                continue;
            }
            if (acceptOk && lowOk) {
                ok = v.check(b.atOrAbove() >= lowAtOrBelow && b.atOrAbove() < autoAcceptAtOrAbove, field + ".atOrAbove",
                        "must lie in [lowAtOrBelow, autoAcceptAtOrAbove) = [" + lowAtOrBelow + ", "
                                + autoAcceptAtOrAbove + "), got " + b.atOrAbove());
            }
            if (previous != null) {
                ok &= v.check(b.atOrAbove() > previous, field + ".atOrAbove",
                        "bands must be in increasing order: " + b.atOrAbove() + " does not exceed " + previous);
            }
            previous = b.atOrAbove();
            if (ok) {
                bands.add(new ReviewBand(b.atOrAbove(), b.tier()));
            }
        }
        List<LabelThreshold> thresholds = new ArrayList<>();
        List<ThresholdSpec> thresholdSpecs = labelThresholds == null ? List.of() : labelThresholds;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < thresholdSpecs.size(); i++) {
            ThresholdSpec t = thresholdSpecs.get(i);
            String field = "labelThresholds[" + i + "]";
            if (t == null) {
                v.add(field, "is empty");
                continue;
            }
            boolean ok = v.check(t.labelCode() != null, field + ".labelCode", "is required");
            if (ok && taxonomy.isPresent()) {
                ok = v.check(taxonomy.get().contains(t.labelCode()), field + ".labelCode",
                        "unknown label code '" + t.labelCode() + "' in the workflow's taxonomy");
            }
            ok = ok && v.check(seen.add(t.labelCode()), field + ".labelCode", "duplicate label code '" + t.labelCode() + "'");
            boolean a = probability(v, field + ".autoAcceptAtOrAbove", t.autoAcceptAtOrAbove());
            boolean l = probability(v, field + ".lowAtOrBelow", t.lowAtOrBelow());
            if (a && l) {
                ok &= v.check(t.lowAtOrBelow() < t.autoAcceptAtOrAbove(), field + ".lowAtOrBelow",
                        "must be below autoAcceptAtOrAbove (" + t.autoAcceptAtOrAbove() + "), got " + t.lowAtOrBelow());
            }
            if (ok && a && l) {
                thresholds.add(new LabelThreshold(t.labelCode(), t.autoAcceptAtOrAbove(), t.lowAtOrBelow()));
            }
        }
        List<RoutingRule> parsedRules = new ArrayList<>();
        List<String> ruleTexts = rules == null ? List.of() : rules;
        v.check(ruleTexts.size() <= MAX_RULES, "rules", "at most " + MAX_RULES + " rules");
        for (int i = 0; i < ruleTexts.size(); i++) {
            try {
                parsedRules.add(RuleParser.parse(ruleTexts.get(i)));
            } catch (RuleParser.RuleSyntaxException e) {
                v.add("rules[" + i + "]", e.getMessage());
            }
        }
        boolean hotlOk = probability(v, "hotlSamplingRate", hotlSamplingRate);
        List<SlaTarget> slas = new ArrayList<>();
        List<SlaSpec> slaSpecs = slaTargets == null ? List.of() : slaTargets;
        Set<Integer> slaTiers = new HashSet<>();
        for (int i = 0; i < slaSpecs.size(); i++) {
            SlaSpec s = slaSpecs.get(i);
            String field = "slaTargets[" + i + "]";
            if (s == null) {
                v.add(field, "is empty");
                continue;
            }
            boolean ok = tier(v, field + ".tier", s.tier());
            ok = ok && v.check(slaTiers.add(s.tier()), field + ".tier", "a second target for tier " + s.tier());
            ok &= v.check(s.minutesToReview() != null && s.minutesToReview() >= 1 && s.minutesToReview() <= 525_600,
                    field + ".minutesToReview", "must be between 1 and 525600 (a year)");
            ok &= v.check(s.maxQueueDepth() != null && s.maxQueueDepth() >= 1, field + ".maxQueueDepth", "must be at least 1");
            if (ok) {
                slas.add(new SlaTarget(s.tier(), s.minutesToReview(), s.maxQueueDepth()));
            }
        }
        v.throwIfAny("The routing policy");
        return new Parts(new ConfidenceBands(autoAcceptAtOrAbove, lowAtOrBelow, lowOutcome, bands), thresholds,
                parsedRules, hotlOk ? hotlSamplingRate : 0, slas);
    }

    private static boolean probability(Violations v, String field, Double value) {
        if (value == null) {
            v.add(field, "is required (a number in [0, 1])");
            return false;
        }
        if (value.isNaN()) {
            v.add(field, "is not a number (NaN); must be in [0, 1]");
            return false;
        }
        return v.check(value >= 0 && value <= 1, field, "must be in [0, 1], got " + value);
    }

    private static boolean tier(Violations v, String field, Integer tier) {
        if (tier == null) {
            v.add(field, "is required (1, 2 or 3)");
            return false;
        }
        return v.check(tier >= 1 && tier <= 3, field, "unknown tier " + tier + "; tiers are 1, 2 and 3");
    }

    /** The canonical serialization of validated parts (what the content digest covers). */
    public static String canonical(String workflowKey, Parts parts) {
        CanonicalJson json = new CanonicalJson().beginObject()
                .field("workflow", workflowKey)
                .field("autoAcceptAtOrAbove", parts.bands().autoAcceptAtOrAbove())
                .field("lowAtOrBelow", parts.bands().lowAtOrBelow())
                .field("lowOutcome", parts.bands().lowOutcome().name())
                .beginArray("reviewBands");
        for (ReviewBand b : parts.bands().reviewBands()) {
            json.beginObject().field("atOrAbove", b.atOrAbove()).field("tier", b.tier()).endObject();
        }
        json.endArray().beginArray("labelThresholds");
        for (LabelThreshold t : parts.labelThresholds()) {
            json.beginObject().field("labelCode", t.labelCode()).field("autoAcceptAtOrAbove", t.autoAcceptAtOrAbove())
                    .field("lowAtOrBelow", t.lowAtOrBelow()).endObject();
        }
        json.endArray().beginArray("rules");
        for (RoutingRule r : parts.rules()) {
            json.element(r.expression());
        }
        json.endArray().field("hotlSamplingRate", parts.hotlSamplingRate()).beginArray("slaTargets");
        for (SlaTarget s : parts.slaTargets()) {
            json.beginObject().field("tier", s.tier()).field("minutesToReview", s.minutesToReview())
                    .field("maxQueueDepth", s.maxQueueDepth()).endObject();
        }
        return json.endArray().endObject().toString();
    }

    /** Reads back a stored canonical serialization. */
    public static PolicyContent fromCanonical(String canonical) {
        JsonObject o = JsonFactories.PROVIDER.createReader(new StringReader(canonical)).readObject();
        return new PolicyContent(
                o.getJsonNumber("autoAcceptAtOrAbove").doubleValue(),
                o.getJsonNumber("lowAtOrBelow").doubleValue(),
                LowConfidenceOutcome.valueOf(o.getString("lowOutcome")),
                o.getJsonArray("reviewBands").stream().map(JsonValue::asJsonObject)
                        .map(b -> new BandSpec(b.getJsonNumber("atOrAbove").doubleValue(), b.getInt("tier"))).toList(),
                o.getJsonArray("labelThresholds").stream().map(JsonValue::asJsonObject)
                        .map(t -> new ThresholdSpec(t.getString("labelCode"), num(t, "autoAcceptAtOrAbove"),
                                num(t, "lowAtOrBelow"))).toList(),
                o.getJsonArray("rules").getValuesAs(jakarta.json.JsonString::getString),
                num(o, "hotlSamplingRate"),
                o.getJsonArray("slaTargets").stream().map(JsonValue::asJsonObject)
                        .map(s -> new SlaSpec(s.getInt("tier"), s.getInt("minutesToReview"), s.getInt("maxQueueDepth")))
                        .toList());
    }

    private static double num(JsonObject o, String name) {
        JsonNumber n = o.getJsonNumber(name);
        return n.doubleValue();
    }
}
