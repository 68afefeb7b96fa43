package io.oversight.simulator;

import io.oversight.simulator.corpus.CorpusSlice;
import io.oversight.simulator.experiments.Harness;
import io.oversight.simulator.experiments.RetrainOnceExperiment;
import io.oversight.simulator.platform.Credentials;
import io.oversight.simulator.platform.Platform;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The harness's end-to-end slice as other modules' tests drive it against a running server: the
 * corpus slice through the whole loop once (see {@link RetrainOnceExperiment}), then the ledger
 * read as an auditor.
 */
public final class HarnessSlice {

    /** What the slice did and measured. */
    public record Result(String workflow, double seedAccuracy, double retrainedAccuracy, int predictions,
            int sentToPeople, int completions, int releasedLabels, int wrongReleasedLabels) {
    }

    private final Platform platform;

    /**
     * @param accountPassword password of the accounts the harness creates (12 characters or more)
     */
    public HarnessSlice(URI baseUrl, String adminLogin, String adminPassword, String accountPassword) {
        this.platform = new Platform(baseUrl, new Credentials(adminLogin, adminPassword), accountPassword);
    }

    /** Runs the slice (JSON lines, as {@code Simulator slice} writes them) with this seed. */
    public Result run(InputStream sliceJsonLines, long seed) {
        String runTag = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
        Harness harness = new Harness(platform, CorpusSlice.read(sliceJsonLines), Path.of("."), runTag);
        RetrainOnceExperiment.Result r = new RetrainOnceExperiment(harness).run(seed);
        return new Result(r.workflow(), r.seedAccuracy(), r.retrainedAccuracy(), r.predictions(), r.sentToPeople(),
                r.completions(), r.releasedLabels(), r.wrongReleasedLabels());
    }

    /** The workflow's ledger entries of one action type, as the harness's auditor account reads them. */
    public long ledgerEntries(String action, String workflow) {
        return platform.ledgerEntries(action, workflow);
    }
}
