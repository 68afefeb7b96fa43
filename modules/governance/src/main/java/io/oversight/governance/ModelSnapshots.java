package io.oversight.governance;

import java.util.List;
import java.util.Optional;

/** Read access to the model snapshot registry. */
public interface ModelSnapshots {

    Optional<ModelSnapshot> find(String id);

    /** The snapshot whose outputs a workflow currently acts on, if any. */
    Optional<ModelSnapshot> activeFor(String workflowKey);

    /** Every snapshot registered for a workflow, newest first. */
    List<ModelSnapshot> of(String workflowKey);
}
