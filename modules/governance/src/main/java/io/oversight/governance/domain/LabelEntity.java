package io.oversight.governance.domain;

import io.oversight.governance.TaxonomyLabel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Optional;
import java.util.UUID;

/**
 * One label of one taxonomy version. Rows are never changed: a taxonomy change writes a new version's
 * rows, so guideline versions keep pointing at exactly the labels they were written for.
 */
@Entity
@Table(name = "gov_taxonomy_label")
public class LabelEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;
    @Column(name = "workflow_key", nullable = false, length = 64)
    private String workflowKey;
    @Column(name = "taxonomy_version", nullable = false)
    private int taxonomyVersion;
    @Column(name = "sort_order", nullable = false)
    private int sortOrder;
    @Column(name = "code", nullable = false, length = 64)
    private String code;
    @Column(name = "parent_code", length = 64)
    private String parentCode;
    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;
    @Column(name = "description", nullable = false, length = 2000)
    private String description;
    @Column(name = "scale_value")
    private Double scaleValue;

    protected LabelEntity() {
    }

    public LabelEntity(String workflowKey, int taxonomyVersion, int sortOrder, TaxonomyLabel label) {
        this.id = UUID.randomUUID().toString();
        this.workflowKey = workflowKey;
        this.taxonomyVersion = taxonomyVersion;
        this.sortOrder = sortOrder;
        this.code = label.code();
        this.parentCode = label.parentCode().orElse(null);
        this.displayName = label.displayName();
        this.description = label.description();
        this.scaleValue = label.value().orElse(null);
    }

    public TaxonomyLabel toView() {
        return new TaxonomyLabel(code, Optional.ofNullable(parentCode), displayName, description,
                Optional.ofNullable(scaleValue));
    }

    public String workflowKey() {
        return workflowKey;
    }

    public int taxonomyVersion() {
        return taxonomyVersion;
    }

    public int sortOrder() {
        return sortOrder;
    }
}
