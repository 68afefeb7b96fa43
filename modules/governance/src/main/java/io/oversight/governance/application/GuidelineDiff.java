package io.oversight.governance.application;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.oversight.governance.GuidelineExample;
import io.oversight.governance.GuidelineVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * A line diff between two guideline versions, in unified format (java-diff-utils): their instructions
 * and their examples, each example written as a small block, so that reviewers see what changed.
 */
public final class GuidelineDiff {

    private GuidelineDiff() {
    }

    public static List<String> unified(GuidelineVersion from, GuidelineVersion to) {
        List<String> original = lines(from);
        List<String> revised = lines(to);
        return UnifiedDiffUtils.generateUnifiedDiff(from.label(), to.label(), original,
                DiffUtils.diff(original, revised), 3);
    }

    static List<String> lines(GuidelineVersion g) {
        List<String> lines = new ArrayList<>();
        lines.add("format: " + g.format());
        lines.add("taxonomy version: " + g.taxonomyVersion());
        lines.add("");
        lines.addAll(List.of(g.instructions().split("\\R", -1)));
        int n = 1;
        for (GuidelineExample e : g.examples()) {
            lines.add("");
            lines.add("--- " + e.kind() + " " + n++ + " [" + e.labelCode() + "]");
            lines.addAll(List.of(e.input().split("\\R", -1)));
            if (!e.explanation().isEmpty()) {
                lines.add("because: " + e.explanation().replaceAll("\\R", " "));
            }
        }
        return lines;
    }
}
