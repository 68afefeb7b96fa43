package io.oversight.governance.domain;

import io.oversight.governance.ExampleKind;
import io.oversight.governance.GuidelineExample;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A guideline example as stored with its guideline version. */
@Embeddable
public class StoredExample {

    @Column(name = "label_code", nullable = false, length = 64)
    private String labelCode;
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private ExampleKind kind;
    @Column(name = "input_text", nullable = false, length = 10000)
    private String input;
    @Column(name = "explanation", nullable = false, length = 10000)
    private String explanation;

    protected StoredExample() {
    }

    StoredExample(GuidelineExample e) {
        this.labelCode = e.labelCode();
        this.kind = e.kind();
        this.input = e.input();
        this.explanation = e.explanation();
    }

    GuidelineExample toView() {
        return new GuidelineExample(labelCode, kind, input, explanation);
    }
}
