package io.oversight.export;

import io.oversight.ledger.Actor;

import java.util.List;

/**
 * Retrain triggers: per-workflow rules that governance sets. One server at a time
 * evaluates them every {@code oversight.export.triggerSeconds}; a rule fires once per crossing of its
 * condition: it makes a training-set export (ledger entry {@value #TRIGGER_FIRED} in the transaction
 * that queues the export and disarms the rule) and, when the export completes, a signed webhook
 * ({@value #WEBHOOK_TYPE}) tells the workflow's pipeline where to fetch it. A fired rule is armed
 * again when its condition no longer holds: for corrections since the export, as soon as the export
 * it made moves the baseline; for the rate, when the rate falls below r; for drift, when no drift
 * alert is open; a schedule re-arms itself at every firing.
 */
public interface RetrainTriggers {

    /** Ledger action type of a rule's firing. */
    String TRIGGER_FIRED = "export.retrain.triggered";
    /** Ledger action type of a rule set or removed by governance. */
    String TRIGGER_CHANGED = "export.retrain.rule.changed";
    /** {@code type} of the webhook body sent when the export of a firing completes. */
    String WEBHOOK_TYPE = "export.retrain.ready";

    /**
     * Adds a rule to the workflow.
     *
     * @throws UnknownWorkflowException if no workflow has that key
     * @throws InvalidExportRequestException if the rule is not acceptable; nothing is created
     */
    RetrainTrigger create(String workflow, RetrainTriggerRequest rule, Actor by);

    /** The workflow's rules, oldest first. @throws UnknownWorkflowException if no workflow has that key */
    List<RetrainTrigger> of(String workflow);

    /** Every workflow's rules. */
    List<RetrainTrigger> all();

    /** Removes a rule. @throws UnknownWorkflowException if the workflow has no rule with that id */
    void delete(String workflow, String id, Actor by);

    /** One evaluation round on this server (the scheduler's); returns how many rules fired, 0 if another server holds the round. */
    int evaluate();
}
