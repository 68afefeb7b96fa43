package io.oversight.governance.domain;

import io.oversight.kernel.Violations;
import io.oversight.governance.Taxonomy;
import java.util.List;
import java.util.regex.Pattern;

/** A model snapshot as the customer's pipeline registers it. */
public record ModelRegistration(String workflowKey, String name, String version, String artifactDigest,
                                String trainingSetExportId, List<String> labelSpace) {

    static final Pattern SHA256_HEX = Pattern.compile("(sha256:)?[0-9a-f]{64}");

    public void validate(Taxonomy taxonomy) {
        Violations v = new Violations();
        v.check(!Violations.blank(name) && name.length() <= 200, "name", "must be 1 to 200 characters");
        v.check(!Violations.blank(version) && version.length() <= 100, "version", "must be 1 to 100 characters");
        v.check(artifactDigest != null && SHA256_HEX.matcher(artifactDigest).matches(), "artifactDigest",
                "must be a SHA-256 digest: 64 lower-case hexadecimal digits, optionally prefixed 'sha256:'");
        v.check(trainingSetExportId == null || trainingSetExportId.length() <= 200, "trainingSetExportId",
                "must be at most 200 characters");
        if (v.check(labelSpace != null && !labelSpace.isEmpty(), "labelSpace", "must name at least one label code")) {
            for (int i = 0; i < labelSpace.size(); i++) {
                String code = labelSpace.get(i);
                v.check(code != null && taxonomy.contains(code), "labelSpace[" + i + "]",
                        "unknown label code '" + code + "' in the workflow's taxonomy");
            }
        }
        v.throwIfAny("The model snapshot");
    }

    public String digestHex() {
        return artifactDigest.startsWith("sha256:") ? artifactDigest.substring(7) : artifactDigest;
    }
}
