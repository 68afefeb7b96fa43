package io.oversight.governance.application;

import io.oversight.kernel.ConflictException;
import io.oversight.kernel.ForbiddenException;
import io.oversight.kernel.InvalidInputException;
import io.oversight.kernel.NotFoundException;
import io.oversight.kernel.Violations;
import io.oversight.governance.ModelSnapshot;
import io.oversight.governance.ModelSnapshots;
import io.oversight.governance.ModelStatus;
import io.oversight.governance.TrainingSetExports;
import io.oversight.governance.domain.PromotionRefusedException;
import io.oversight.governance.domain.GovernanceRepository;
import io.oversight.governance.domain.ModelRegistration;
import io.oversight.governance.domain.ModelSnapshotEntity;
import io.oversight.governance.domain.WorkflowEntity;
import io.oversight.ledger.Actor;
import io.oversight.ledger.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The model snapshot registry. Registration, promotion, rollback and retirement are
 * each one ledger entry naming the snapshot and its artifact digest, with who acted and the digest
 * of why. A promotion to active retires the active snapshot (its own entry); rolling that promotion
 * back restores it (its own entry): rollback is one action for the person doing it.
 */
@ApplicationScoped
@Transactional
public class DefaultModelRegistry implements ModelSnapshots {

    public static final String REGISTERED = "governance.model.registered";
    public static final String PROMOTED = "governance.model.promoted";
    public static final String ROLLED_BACK = "governance.model.rolled-back";
    public static final String RESTORED = "governance.model.restored";
    public static final String RETIRED = "governance.model.retired";
    public static final String GATE_OVERRIDDEN = "governance.model.gate-overridden";
    static final String SUBJECT = "model";
    static final int MAX_REASON = 2000;

    @Inject
    GovernanceRepository repository;

    @Inject
    DefaultWorkflowService workflows;

    @Inject
    GovernanceLedger ledger;

    @Inject
    PromotionGate gate;

    @Inject
    TrainingSetExports exports;

    @Override
    public Optional<ModelSnapshot> find(String id) {
        return repository.model(id).map(ModelSnapshotEntity::toView);
    }

    @Override
    public Optional<ModelSnapshot> activeFor(String workflowKey) {
        return repository.activeModel(workflowKey).map(ModelSnapshotEntity::toView);
    }

    @Override
    public List<ModelSnapshot> of(String workflowKey) {
        workflows.require(workflowKey);
        return repository.models(workflowKey).stream().map(ModelSnapshotEntity::toView).toList();
    }

    /** Every snapshot of every workflow, for the registry page. */
    public List<ModelSnapshot> all() {
        return repository.workflows().stream().flatMap(w -> repository.models(w.key()).stream())
                .map(ModelSnapshotEntity::toView).toList();
    }

    public ModelSnapshot register(ModelRegistration registration, Actor actor) {
        if (registration.workflowKey() == null || repository.workflow(registration.workflowKey()).isEmpty()) {
            throw InvalidInputException.sentence("workflowKey", "unknown workflow '" + registration.workflowKey() + "'");
        }
        WorkflowEntity workflow = workflows.lock(registration.workflowKey());
        registration.validate(workflows.taxonomy(workflow.key(), workflow.taxonomyVersion()));
        String exportId = registration.trainingSetExportId();
        if (exportId != null && !exportId.isBlank() && !exports.exists(exportId)) {
            throw InvalidInputException.sentence("trainingSetExportId", "no completed training-set export has the id '"
                    + exportId + "'");
        }
        if (repository.modelExists(workflow.key(), registration.name().strip(), registration.version().strip())) {
            throw new ConflictException("Model " + registration.name() + " version " + registration.version()
                    + " is already registered for workflow '" + workflow.key() + "'.");
        }
        ModelSnapshotEntity model = new ModelSnapshotEntity(UUID.randomUUID().toString(), registration,
                ledger.clock().instant());
        repository.add(model);
        ModelSnapshot view = model.toView();
        ledger.write(ledger.record(REGISTERED, actor, workflow.key(), SUBJECT, model.id())
                .modelSnapshot(model.id(), model.artifactDigest())
                .attribute("name", view.name())
                .attribute("version", view.version())
                .attribute("trainingSetExportId", view.trainingSetExportId().orElse(""))
                .attribute("status", view.status().name()));
        return view;
    }

    /** Promotes to CANARY or ACTIVE, with the reason recorded (as a digest), through the gate. */
    public ModelSnapshot promote(String id, ModelStatus target, String reason, Actor actor) {
        return promote(id, target, reason, actor, false);
    }

    /**
     * Promotes to CANARY or ACTIVE. A promotion to ACTIVE passes the workflow's acceptance criteria
     * ({@link PromotionGate}) unless {@code override}: an admin's decision, recorded as its own entry with
     * the gate's refusal and the justification ({@code reason}).
     */
    public ModelSnapshot promote(String id, ModelStatus target, String reason, Actor actor, boolean override) {
        checkReason(reason);
        if (target != ModelStatus.CANARY && target != ModelStatus.ACTIVE) {
            throw InvalidInputException.sentence("target", "a snapshot is promoted to CANARY or ACTIVE, not " + target);
        }
        ModelSnapshotEntity model = require(id);
        workflows.lock(model.workflowKey());
        ModelStatus from = model.status();
        Optional<ModelSnapshotEntity> superseded = target == ModelStatus.ACTIVE
                ? repository.activeModel(model.workflowKey()).filter(m -> !m.id().equals(id)) : Optional.empty();
        model.checkCanPromote(target);
        Map<String, String> evidence = Map.of();
        if (target == ModelStatus.ACTIVE) {
            evidence = gated(model, superseded, reason, actor, override);
        }
        if (superseded.isPresent()) {
            // the old snapshot gives up the unique active marker before the new one takes it
            superseded.get().supersede(ledger.clock().instant());
            record(RETIRED, superseded.get(), actor, ModelStatus.ACTIVE, "superseded by " + model.id(), Optional.of(reason));
            repository.flush();
        }
        model.promote(target, superseded, ledger.clock().instant());
        record(PROMOTED, model, actor, from, null, Optional.of(reason), evidence);
        return model.toView();
    }

    private Map<String, String> gated(ModelSnapshotEntity model, Optional<ModelSnapshotEntity> active, String reason,
            Actor actor, boolean override) {
        ModelSnapshot view = model.toView();
        try {
            return gate.check(model.workflowKey(), model.id(), active.map(ModelSnapshotEntity::id), view.registeredAt(),
                    ledger.clock().instant()).evidence();
        } catch (PromotionRefusedException refused) {
            if (!override) {
                throw refused;
            }
            if (!Roles.ADMIN.equals(actor.role())) {
                throw new ForbiddenException("Overriding the promotion gate requires the role admin.");
            }
            ledger.write(ledger.record(GATE_OVERRIDDEN, actor, model.workflowKey(), SUBJECT, model.id())
                    .modelSnapshot(model.id(), model.artifactDigest())
                    .attribute("criterion", refused.criterion())
                    .attribute("measured", refused.measured().map(String::valueOf).orElse(""))
                    .attribute("required", Double.toString(refused.required()))
                    .attribute("n", Long.toString(refused.n()))
                    .attribute("refusal", refused.getMessage())
                    .rationale(reason));
            return Map.of("gate", "overridden", "criterion", refused.criterion());
        }
    }

    /** Takes an active or canary snapshot out of service; restores the snapshot it had superseded. */
    public ModelSnapshot rollBack(String id, String reason, Actor actor) {
        checkReason(reason);
        ModelSnapshotEntity model = require(id);
        workflows.lock(model.workflowKey());
        ModelStatus from = model.status();
        model.rollBack(ledger.clock().instant());
        record(ROLLED_BACK, model, actor, from, null, Optional.of(reason));
        if (from == ModelStatus.ACTIVE && model.supersededId().isPresent()) {
            Optional<ModelSnapshotEntity> previous = repository.model(model.supersededId().get())
                    .filter(ModelSnapshotEntity::canBeRestored);
            if (previous.isPresent()) {
                repository.flush();
                previous.get().restore(ledger.clock().instant());
                record(RESTORED, previous.get(), actor, ModelStatus.RETIRED, "rollback of " + model.id(), Optional.of(reason));
            }
        }
        return model.toView();
    }

    public ModelSnapshot retire(String id, String reason, Actor actor) {
        checkReason(reason);
        ModelSnapshotEntity model = require(id);
        workflows.lock(model.workflowKey());
        ModelStatus from = model.status();
        model.retire(ledger.clock().instant());
        record(RETIRED, model, actor, from, null, Optional.of(reason));
        return model.toView();
    }

    private static void checkReason(String reason) {
        Violations v = new Violations();
        v.check(reason != null && !reason.isBlank() && reason.length() <= MAX_REASON, "reason",
                "say why, in 1 to " + MAX_REASON + " characters");
        v.throwIfAny("The request");
    }

    private ModelSnapshotEntity require(String id) {
        return repository.model(id).orElseThrow(() -> new NotFoundException("No model snapshot with id '" + id + "'."));
    }

    private void record(String action, ModelSnapshotEntity model, Actor actor, ModelStatus from, String cause,
            Optional<String> reason) {
        record(action, model, actor, from, cause, reason, Map.of());
    }

    private void record(String action, ModelSnapshotEntity model, Actor actor, ModelStatus from, String cause,
            Optional<String> reason, Map<String, String> gateEvidence) {
        var record = ledger.record(action, actor, model.workflowKey(), SUBJECT, model.id())
                .modelSnapshot(model.id(), model.artifactDigest())
                .attribute("from", from.name())
                .attribute("to", model.status().name());
        if (cause != null) {
            record.attribute("cause", cause);
        }
        reason.ifPresent(record::rationale);
        gateEvidence.forEach((k, v) -> record.attribute("gate." + k, v));
        ledger.write(record);
    }
}
