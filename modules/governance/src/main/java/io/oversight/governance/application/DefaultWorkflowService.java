package io.oversight.governance.application;

import io.oversight.ledger.format.Digest;
import io.oversight.kernel.CanonicalJson;
import io.oversight.kernel.ConflictException;
import io.oversight.kernel.NotFoundException;
import io.oversight.governance.Taxonomy;
import io.oversight.governance.TaxonomyLabel;
import io.oversight.governance.Workflow;
import io.oversight.governance.Workflows;
import io.oversight.governance.domain.GovernanceRepository;
import io.oversight.governance.domain.LabelEntity;
import io.oversight.governance.domain.LabelSpec;
import io.oversight.governance.domain.WorkflowEntity;
import io.oversight.governance.domain.WorkflowSettings;
import io.oversight.ledger.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Creates and changes workflows and their taxonomies. Every change is one ledger entry
 * in the same transaction, carrying the SHA-256 of the canonical serialization of what was set.
 */
@ApplicationScoped
@Transactional
public class DefaultWorkflowService implements Workflows {

    public static final String CREATED = "governance.workflow.created";
    public static final String CHANGED = "governance.workflow.changed";
    public static final String TAXONOMY_CHANGED = "governance.taxonomy.changed";
    static final String SUBJECT = "workflow";

    @Inject
    GovernanceRepository repository;

    @Inject
    GovernanceLedger ledger;

    @Override
    public Optional<Workflow> find(String key) {
        return repository.workflow(key).map(this::view);
    }

    @Override
    public List<Workflow> list() {
        return repository.workflows().stream().map(this::view).toList();
    }

    public Workflow create(WorkflowSettings settings, Actor actor) {
        settings.validate(true);
        if (repository.workflow(settings.key()).isPresent()) {
            throw new ConflictException("A workflow with key '" + settings.key() + "' already exists.");
        }
        WorkflowEntity workflow = new WorkflowEntity(settings, now());
        repository.add(workflow);
        repository.flush();
        ledger.write(ledger.record(CREATED, actor, workflow.key(), SUBJECT, workflow.key())
                .payloadDigest(Digest.of(CanonicalJson.sha256(workflow.canonicalSettings()))));
        return view(workflow);
    }

    public Workflow change(String key, WorkflowSettings settings, Actor actor) {
        settings.validate(false);
        WorkflowEntity workflow = lock(key);
        workflow.change(settings, now());
        ledger.write(ledger.record(CHANGED, actor, key, SUBJECT, key)
                .payloadDigest(Digest.of(CanonicalJson.sha256(workflow.canonicalSettings()))));
        return view(workflow);
    }

    /** Replaces the taxonomy by a new version; earlier versions stay as they were. */
    public Workflow replaceTaxonomy(String key, List<LabelSpec> labels, Actor actor) {
        List<TaxonomyLabel> ordered = LabelSpec.validateTree(labels);
        WorkflowEntity workflow = lock(key);
        int version = workflow.nextTaxonomyVersion(now());
        for (int i = 0; i < ordered.size(); i++) {
            repository.add(new LabelEntity(key, version, i, ordered.get(i)));
        }
        Taxonomy taxonomy = new Taxonomy(version, ordered);
        ledger.write(ledger.record(TAXONOMY_CHANGED, actor, key, SUBJECT, key)
                .payloadDigest(Digest.of(CanonicalJson.sha256(canonical(key, taxonomy))))
                .attribute("taxonomyVersion", Integer.toString(version))
                .attribute("labels", Integer.toString(ordered.size())));
        return workflow.toView(taxonomy);
    }

    WorkflowEntity lock(String key) {
        return repository.workflowForUpdate(key).orElseThrow(() -> unknown(key));
    }

    WorkflowEntity require(String key) {
        return repository.workflow(key).orElseThrow(() -> unknown(key));
    }

    static NotFoundException unknown(String key) {
        return new NotFoundException("No workflow with key '" + key + "'.");
    }

    Taxonomy taxonomy(String key, int version) {
        return new Taxonomy(version, repository.labels(key, version).stream().map(LabelEntity::toView).toList());
    }

    private Workflow view(WorkflowEntity workflow) {
        return workflow.toView(taxonomy(workflow.key(), workflow.taxonomyVersion()));
    }

    private Instant now() {
        return ledger.clock().instant();
    }

    static String canonical(String key, Taxonomy taxonomy) {
        CanonicalJson json = new CanonicalJson().beginObject().field("workflow", key)
                .field("taxonomyVersion", taxonomy.version()).beginArray("labels");
        for (TaxonomyLabel l : taxonomy.labels()) {
            json.beginObject().field("code", l.code()).field("parentCode", l.parentCode().orElse(""))
                    .field("displayName", l.displayName()).field("description", l.description()).endObject();
        }
        return json.endArray().endObject().toString();
    }
}
