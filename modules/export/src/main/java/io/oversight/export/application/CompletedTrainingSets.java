package io.oversight.export.application;

import io.oversight.governance.TrainingSetExports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Answers governance's model registration: an export id is known once its export completed. */
@ApplicationScoped
public class CompletedTrainingSets implements TrainingSetExports {

    @Inject
    DatasetStore store;

    @Override
    public boolean exists(String exportId) {
        return store.completed(exportId);
    }
}
