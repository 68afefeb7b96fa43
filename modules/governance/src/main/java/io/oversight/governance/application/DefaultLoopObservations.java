package io.oversight.governance.application;

import io.oversight.governance.DriftField;
import io.oversight.governance.LoopObservations;
import io.oversight.governance.MonitorAlert;
import io.oversight.governance.domain.monitoring.InputValues;
import io.oversight.governance.infrastructure.AlertStore;
import io.oversight.governance.infrastructure.ObservationStore;
import io.oversight.kernel.JsonFactories;
import io.oversight.ledger.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Appends the loop's observations to the monitoring outbox in the caller's transaction (ADR 0017):
 * one batched insert per intake request, one row per decision. The tick does the arithmetic later;
 * nothing here reads or locks shared rows, so intake and decisions never wait on monitoring.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DefaultLoopObservations implements LoopObservations {

    @Inject
    Database database;

    @Inject
    DriftFieldSelection driftFields;

    @Inject
    ObservationStore observationStore;

    @Inject
    AlertStore alertStore;

    @Override
    public void predictions(List<Prediction> predictions) {
        database.run("observing predictions", c -> {
            observationStore.insertObservations(c, predictions.stream().map(ObservationKinds::of).toList());
            return null;
        });
    }

    @Override
    public void inputs(List<Input> inputs) {
        List<ObservationStore.Observation> rows = new ArrayList<>();
        for (Input input : inputs) {
            List<DriftField> fields = driftFields.fieldsOf(input.workflowKey());
            if (fields.isEmpty()) {
                continue;
            }
            JsonObject payload;
            try (JsonReader reader = JsonFactories.PROVIDER.createReader(new StringReader(input.payloadJson()))) {
                payload = reader.readObject();
            }
            for (InputValues.Value value : InputValues.of(payload, fields)) {
                rows.add(ObservationKinds.input(input.workflowKey(), input.at(), value.path(), value.key()));
            }
        }
        if (!rows.isEmpty()) {
            database.run("observing inputs", c -> {
                observationStore.insertObservations(c, rows);
                return null;
            });
        }
    }

    @Override
    public void decision(Decision decision) {
        insert("observing a decision", ObservationKinds.of(decision));
    }

    @Override
    public void audit(Audit audit) {
        insert("observing an audit", ObservationKinds.of(audit));
    }

    @Override
    public void reviewAction(ReviewAction action) {
        insert("observing a review action", ObservationKinds.of(action));
    }

    @Override
    public void goldAnswer(GoldAnswer answer) {
        insert("observing a gold answer", ObservationKinds.of(answer));
    }

    @Override
    public void reviewerAnswers(ReviewerAnswers answers) {
        insert("observing reviewers' answers", ObservationKinds.of(answers));
    }

    @Override
    public void queues(List<QueueState> queues) {
        database.run("observing queues", c -> {
            observationStore.insertObservations(c, queues.stream().map(ObservationKinds::of).toList());
            return null;
        });
    }

    /** SLA episodes go straight into the alert list (tasks already ran their hysteresis and ledger). */
    @Override
    public void slaEpisode(SlaEpisode e) {
        database.run("mirroring an SLA episode", c -> {
            if (e.opened()) {
                String summary = "Queue tier " + e.tier() + ": " + ("REVIEW_TIME".equals(e.measure())
                        ? "oldest open task " + e.observed() + " s, target " + e.target() + " s"
                        : e.observed() + " open tasks, target " + e.target());
                alertStore.insertAlert(c, new MonitorAlert(e.alertId(), "SLA", e.workflowKey(), Optional.empty(),
                        "SLA_" + e.measure(), "WARNING", summary, e.at(), Optional.of((double) e.observed()),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                        Optional.empty());
            } else {
                alertStore.closeAlert(c, e.alertId(), e.at());
            }
            return null;
        });
    }

    private void insert(String operation, ObservationStore.Observation row) {
        database.run(operation, c -> {
            observationStore.insertObservations(c, List.of(row));
            return null;
        });
    }
}
