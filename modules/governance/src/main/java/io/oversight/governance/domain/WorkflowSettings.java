package io.oversight.governance.domain;

import io.oversight.kernel.Violations;
import io.oversight.governance.IntegrationMode;
import io.oversight.governance.LabelSelection;
import io.oversight.governance.RiskLevel;
import io.oversight.governance.TaskKind;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a governance lead sets on a workflow; the key is fixed at creation. Fields are boxed
 * so a missing one is reported as missing, not silently zero.
 */
public record WorkflowSettings(
        String key,
        String name,
        String description,
        RiskLevel consequence,
        RiskLevel volume,
        RiskLevel accuracy,
        IntegrationMode integrationMode,
        Integer reviewersPerItem,
        Integer retentionDays,
        Boolean legalHold,
        List<String> piiFieldPaths,
        TaskKind taskKind,
        LabelSelection labelSelection) {

    public static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{1,62}");
    static final Pattern FIELD_PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    /** Six months: EU AI Act Art. 19 / 26(6) minimum for logs of high-risk systems. */
    public static final int MIN_RETENTION_DAYS = 183;
    /**
     * Independent reviews one item may ask for: room for the panels of published agreement studies (the
     * classic Fleiss example has 14 raters per subject), far above what a queue would staff routinely.
     */
    public static final int MAX_REVIEWERS_PER_ITEM = 20;

    /** Checks every field; {@code checkKey} is false for changes, where the key comes from the address. */
    public void validate(boolean checkKey) {
        Violations v = new Violations();
        if (checkKey) {
            v.check(key != null && KEY.matcher(key).matches(), "key",
                    "must be 2 to 63 lower-case letters, digits or dashes, starting with a letter");
        }
        v.check(!Violations.blank(name) && name.length() <= 200, "name", "must be 1 to 200 characters");
        v.check(description == null || description.length() <= 4000, "description", "must be at most 4000 characters");
        v.check(consequence != null, "consequence", "is required (LOW, MEDIUM or HIGH)");
        v.check(volume != null, "volume", "is required (LOW, MEDIUM or HIGH)");
        v.check(accuracy != null, "accuracy", "is required (LOW, MEDIUM or HIGH)");
        v.check(integrationMode != null, "integrationMode", "is required (INLINE, ASYNC or SHADOW)");
        v.check(reviewersPerItem != null && reviewersPerItem >= 1 && reviewersPerItem <= MAX_REVIEWERS_PER_ITEM,
                "reviewersPerItem", "must be between 1 and " + MAX_REVIEWERS_PER_ITEM);
        v.check(retentionDays != null && retentionDays >= MIN_RETENTION_DAYS && retentionDays <= 36500, "retentionDays",
                "must be between " + MIN_RETENTION_DAYS + " (six months) and 36500 days");
        if (piiFieldPaths != null) {
            v.check(piiFieldPaths.size() <= 100, "piiFieldPaths", "at most 100 paths");
            for (int i = 0; i < piiFieldPaths.size(); i++) {
                String path = piiFieldPaths.get(i);
                v.check(path != null && path.length() <= 200 && FIELD_PATH.matcher(path).matches(),
                        "piiFieldPaths[" + i + "]", "must be a dotted field path such as customer.email");
            }
        }
        v.check(taskKind != null, "taskKind", "is required (CLASSIFICATION, FREE_TEXT or PAIRWISE_PREFERENCE)");
        v.check(labelSelection != null, "labelSelection", "is required (LEAF_ONLY or ANY_NODE)");
        v.throwIfAny("The workflow");
    }

    public List<String> piiFieldPathsOrEmpty() {
        return piiFieldPaths == null ? List.of() : piiFieldPaths.stream().distinct().toList();
    }

    public String descriptionOrEmpty() {
        return description == null ? "" : description;
    }
}
