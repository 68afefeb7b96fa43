package io.oversight.governance.application;

import io.oversight.kernel.ConflictException;
import io.oversight.kernel.NotFoundException;
import io.oversight.governance.GuidelineExample;
import io.oversight.governance.GuidelineStatus;
import io.oversight.governance.GuidelineVersion;
import io.oversight.governance.Guidelines;
import io.oversight.governance.Taxonomy;
import io.oversight.governance.domain.GovernanceRepository;
import io.oversight.governance.domain.GuidelineContent;
import io.oversight.governance.domain.GuidelineVersionEntity;
import io.oversight.governance.domain.WorkflowEntity;
import io.oversight.ledger.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Guideline versions and their life cycle. Each step is one ledger entry naming the
 * version and its content digest; activating a version retires the previously active one (its own
 * entry) in the same transaction, under the workflow's lock, so exactly one version is active.
 */
@ApplicationScoped
@Transactional
public class DefaultGuidelineService implements Guidelines {

    public static final String DRAFTED = "governance.guideline.drafted";
    public static final String REVISED = "governance.guideline.revised";
    public static final String PILOTED = "governance.guideline.piloted";
    public static final String ACTIVATED = "governance.guideline.activated";
    public static final String RETIRED = "governance.guideline.retired";
    static final String SUBJECT = "guideline";

    @Inject
    GovernanceRepository repository;

    @Inject
    DefaultWorkflowService workflows;

    @Inject
    GovernanceLedger ledger;

    @Override
    public Optional<GuidelineVersion> activeFor(String workflowKey) {
        return repository.activeGuideline(workflowKey).map(GuidelineVersionEntity::toView);
    }

    @Override
    public String renderedInstructions(GuidelineVersion version) {
        return GuidelineRenderer.render(version.format(), version.instructions());
    }

    @Override
    public Optional<GuidelineVersion> find(String id) {
        return repository.guideline(id).map(GuidelineVersionEntity::toView);
    }

    @Override
    public List<GuidelineVersion> versionsOf(String workflowKey) {
        workflows.require(workflowKey);
        return repository.guidelines(workflowKey).stream().map(GuidelineVersionEntity::toView).toList();
    }

    /** A new draft, written against the workflow's current taxonomy. */
    public GuidelineVersion createDraft(String workflowKey, GuidelineContent content, Actor actor) {
        WorkflowEntity workflow = workflows.lock(workflowKey);
        Taxonomy taxonomy = workflows.taxonomy(workflowKey, workflow.taxonomyVersion());
        List<GuidelineExample> examples = content.validate(taxonomy);
        int number = repository.guidelines(workflowKey).stream().mapToInt(g -> g.toView().number()).max().orElse(0) + 1;
        GuidelineVersionEntity guideline = new GuidelineVersionEntity(UUID.randomUUID().toString(), workflowKey, number,
                taxonomy.version(), content.format(), content.instructions(), examples, ledger.clock().instant());
        repository.add(guideline);
        record(DRAFTED, guideline, actor);
        return guideline.toView();
    }

    /** Replaces a draft's content; a version that left draft cannot change (a change is a new version). */
    public GuidelineVersion revise(String id, GuidelineContent content, Actor actor) {
        GuidelineVersionEntity guideline = require(id);
        WorkflowEntity workflow = workflows.lock(guideline.workflowKey());
        guideline.requireDraft();
        Taxonomy taxonomy = workflows.taxonomy(workflow.key(), workflow.taxonomyVersion());
        List<GuidelineExample> examples = content.validate(taxonomy);
        guideline.revise(taxonomy.version(), content.format(), content.instructions(), examples);
        record(REVISED, guideline, actor);
        return guideline.toView();
    }

    /** Moves a version to the next step of its life cycle. */
    public GuidelineVersion moveTo(String id, GuidelineStatus target, Actor actor) {
        GuidelineVersionEntity guideline = require(id);
        WorkflowEntity workflow = workflows.lock(guideline.workflowKey());
        if (target == GuidelineStatus.ACTIVE) {
            guideline.checkCanMoveTo(GuidelineStatus.ACTIVE);
            GuidelineVersion view = guideline.toView();
            if (view.taxonomyVersion() != workflow.taxonomyVersion()) {
                throw new ConflictException("Guideline version " + view.label() + " was written for taxonomy version "
                        + view.taxonomyVersion() + ", but the workflow's taxonomy is at version "
                        + workflow.taxonomyVersion() + "; write a new version for the current taxonomy.");
            }
            Optional<GuidelineVersionEntity> previous = repository.activeGuideline(workflow.key());
            if (previous.isPresent()) {
                previous.get().moveTo(GuidelineStatus.RETIRED, ledger.clock().instant());
                record(RETIRED, previous.get(), actor);
                repository.flush();
            }
            guideline.moveTo(GuidelineStatus.ACTIVE, ledger.clock().instant());
            record(ACTIVATED, guideline, actor);
            return guideline.toView();
        }
        guideline.moveTo(target, ledger.clock().instant());
        record(target == GuidelineStatus.PILOT ? PILOTED : RETIRED, guideline, actor);
        return guideline.toView();
    }

    private GuidelineVersionEntity require(String id) {
        return repository.guideline(id)
                .orElseThrow(() -> new NotFoundException("No guideline version with id '" + id + "'."));
    }

    private void record(String action, GuidelineVersionEntity guideline, Actor actor) {
        GuidelineVersion view = guideline.toView();
        ledger.write(ledger.record(action, actor, guideline.workflowKey(), SUBJECT, guideline.id())
                .guideline(guideline.id(), guideline.contentDigest())
                .attribute("version", Integer.toString(view.number()))
                .attribute("status", view.status().name()));
    }
}
