package io.oversight.governance;

import java.util.List;
import java.util.Optional;

/** Read access to workflows for other modules: what intake and review need to know about a use case. */
public interface Workflows {

    /** The workflow with this key, with its current taxonomy. */
    Optional<Workflow> find(String key);

    /** Every workflow, by key. */
    List<Workflow> list();
}
