package io.oversight.governance.domain;

import io.oversight.governance.ReviewerView;
import io.oversight.kernel.Violations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a reviewer-view request into a {@link ReviewerView}, naming every bad field at once
 * ({@code fields[2].format}, {@code predictionHiddenTiers[0]}...), so a refusal tells governance
 * exactly what to fix and nothing is stored.
 */
public final class ReviewerViewRules {

    static final int MAX_PATH = 200;
    static final int MAX_LABEL = 100;

    /** One field as requested: every part may be missing or wrong. */
    public record FieldRequest(String path, String label, String format) {
    }

    private ReviewerViewRules() {
    }

    /** @throws io.oversight.kernel.InvalidInputException listing every problem */
    public static ReviewerView parse(String workflowKey, List<FieldRequest> fields, List<Integer> hiddenTiers, Instant at) {
        List<FieldRequest> requested = fields == null ? List.of() : fields;
        List<Integer> tiers = hiddenTiers == null ? List.of() : hiddenTiers;
        Violations v = new Violations();
        v.check(requested.size() <= ReviewerView.MAX_FIELDS, "fields",
                "has " + requested.size() + " entries; a view shows at most " + ReviewerView.MAX_FIELDS + " fields");
        List<ReviewerView.Field> parsed = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < requested.size(); i++) {
            String name = "fields[" + i + "]";
            FieldRequest f = requested.get(i);
            if (f == null) {
                v.add(name, "must be an object with path, label and format");
                continue;
            }
            String path = f.path() == null ? "" : f.path().strip();
            Optional<String> pathProblem = pathProblem(path);
            pathProblem.ifPresent(problem -> v.add(name + ".path", problem));
            Integer earlier = firstIndex.putIfAbsent(path, i);
            if (pathProblem.isEmpty() && earlier != null) {
                v.add(name + ".path", "\"" + path + "\" is already shown by fields[" + earlier + "]");
            }
            String label = f.label() == null || f.label().isBlank() ? pathProblem.isEmpty() ? lastToken(path) : ""
                    : f.label().strip();
            v.check(label.length() <= MAX_LABEL, name + ".label", "must be at most " + MAX_LABEL + " characters");
            Optional<ReviewerView.FieldFormat> format = format(f.format());
            v.check(format.isPresent(), name + ".format", "\"" + f.format() + "\" is not a format: use one of "
                    + Arrays.stream(ReviewerView.FieldFormat.values()).map(Enum::name).collect(Collectors.joining(", ")));
            if (pathProblem.isEmpty() && format.isPresent() && label.length() <= MAX_LABEL) {
                parsed.add(new ReviewerView.Field(path, label, format.get()));
            }
        }
        Set<Integer> hidden = new LinkedHashSet<>();
        for (int i = 0; i < tiers.size(); i++) {
            Integer tier = tiers.get(i);
            String name = "predictionHiddenTiers[" + i + "]";
            if (v.check(tier != null && tier >= 1 && tier <= 3, name, "must be a tier: 1, 2 or 3")) {
                v.check(hidden.add(tier), name, "tier " + tier + " is listed twice");
            }
        }
        v.throwIfAny("The reviewer view");
        return new ReviewerView(workflowKey, parsed, hidden, Optional.of(at));
    }

    /** A missing format means plain text; names are accepted in any case. */
    private static Optional<ReviewerView.FieldFormat> format(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(ReviewerView.FieldFormat.TEXT);
        }
        try {
            return Optional.of(ReviewerView.FieldFormat.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Why a path is not a usable JSON Pointer (RFC 6901) to a field, if it is not. */
    static Optional<String> pathProblem(String path) {
        if (path.isEmpty()) {
            return Optional.of("is required: a JSON Pointer to an input field, such as /customer/note");
        }
        if (!path.startsWith("/")) {
            return Optional.of("\"" + path + "\" is not a JSON Pointer: it must start with '/', such as /" + path.replace('.', '/'));
        }
        if (path.equals("/")) {
            return Optional.of("names the empty key; point at a field, such as /customer/note");
        }
        if (path.length() > MAX_PATH) {
            return Optional.of("must be at most " + MAX_PATH + " characters");
        }
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '~' && (i + 1 == path.length() || (path.charAt(i + 1) != '0' && path.charAt(i + 1) != '1'))) {
                return Optional.of("has a '~' not followed by 0 or 1 (write ~0 for '~' and ~1 for '/')");
            }
        }
        return Optional.empty();
    }

    /** The last reference token, unescaped: the default label of a field. */
    static String lastToken(String path) {
        String token = path.substring(path.lastIndexOf('/') + 1);
        return token.replace("~1", "/").replace("~0", "~");
    }
}
