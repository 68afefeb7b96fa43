package io.oversight.governance.domain;

import io.oversight.kernel.InvalidInputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.governance.TaxonomyLabel;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A taxonomy as a rating scale: every leaf has a distinct finite number, or no label has one. */
class TaxonomyScaleTest {

    private static LabelSpec label(String code, String parent, Double value) {
        return new LabelSpec(code, parent, code.toUpperCase(), "", value);
    }

    private static String errors(List<LabelSpec> specs) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LabelSpec.validateTree(specs));
        return e.errors().toString();
    }

    @Test
    void aScaleKeepsItsValuesAndATaxonomyWithoutValuesStaysNominal() {
        List<TaxonomyLabel> scale = LabelSpec.validateTree(List.of(label("poor", null, 1.0), label("fair", null, 2.0),
                label("good", null, 3.5)));
        assertEquals(List.of(Optional.of(1.0), Optional.of(2.0), Optional.of(3.5)),
                scale.stream().map(TaxonomyLabel::value).toList());
        List<TaxonomyLabel> nominal = LabelSpec.validateTree(List.of(label("fraud", null, null), label("ok", null, null)));
        assertTrue(nominal.stream().allMatch(l -> l.value().isEmpty()));
    }

    @Test
    void aPartialRepeatedOrInfiniteScaleIsRefusedWithTheFieldToFix() {
        String partial = errors(List.of(label("poor", null, 1.0), label("fair", null, null)));
        assertTrue(partial.contains("labels[1].value") && partial.contains("every leaf label has a value"), partial);
        String repeated = errors(List.of(label("poor", null, 1.0), label("fair", null, 1.0)));
        assertTrue(repeated.contains("labels[1].value") && repeated.contains("repeats the value 1.0"), repeated);
        String infinite = errors(List.of(label("poor", null, 1.0), label("fair", null, Double.POSITIVE_INFINITY)));
        assertTrue(infinite.contains("finite"), infinite);
        String parent = errors(List.of(label("bad", null, 0.0), label("awful", "bad", 1.0), label("poor", "bad", 2.0)));
        assertTrue(parent.contains("labels[0].value") && parent.contains("only leaf labels"), parent);
        String single = errors(List.of(label("only", null, 1.0)));
        assertTrue(single.contains("at least two leaf labels"), single);
    }

    @Test
    void upToTwentyReviewersPerItemSoTheFourteenRaterFleissExampleFits() {
        WorkflowSettings fourteen = settings(14);
        fourteen.validate(true);
        settings(WorkflowSettings.MAX_REVIEWERS_PER_ITEM).validate(true);
        InvalidInputException tooMany = assertThrows(InvalidInputException.class, () -> settings(21).validate(true));
        assertTrue(tooMany.errors().toString().contains("must be between 1 and 20"), tooMany.errors().toString());
    }

    private static WorkflowSettings settings(int reviewersPerItem) {
        return new WorkflowSettings("scale-test", "Scale", "d", io.oversight.governance.RiskLevel.LOW,
                io.oversight.governance.RiskLevel.LOW, io.oversight.governance.RiskLevel.LOW,
                io.oversight.governance.IntegrationMode.ASYNC, reviewersPerItem, 365, false, List.of(),
                io.oversight.governance.TaskKind.CLASSIFICATION, io.oversight.governance.LabelSelection.LEAF_ONLY);
    }
}
