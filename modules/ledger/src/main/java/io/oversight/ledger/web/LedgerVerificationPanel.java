package io.oversight.ledger.web;

import io.oversight.ledger.Actor;
import io.oversight.ledger.AuditLedger;
import io.oversight.ledger.PersonKind;
import io.oversight.ledger.Pseudonyms;
import io.oversight.ledger.Roles;
import io.oversight.ledger.VerificationState;
import io.oversight.ledger.VerificationStatus;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The ledger page's "Verify the whole log" panel: starts an online verification as the signed-in
 * auditor and follows its progress until it is verified, failed or aborted.
 */
@Named
@ViewScoped
public class LedgerVerificationPanel implements Serializable {

    @Inject
    AuditLedger ledger;

    @Inject
    Pseudonyms pseudonyms;

    private String verificationJob;
    private VerificationStatus verification;

    public void startVerification() {
        FacesContext faces = FacesContext.getCurrentInstance();
        String username = faces.getExternalContext().getUserPrincipal().getName();
        Actor auditor = new Actor(pseudonyms.pseudonymFor(PersonKind.ACTOR, username), Roles.AUDITOR);
        verification = ledger.startVerification(0, auditor);
        verificationJob = verification.jobId();
    }

    public void refreshVerification() {
        if (verificationJob != null) {
            verification = ledger.verification(verificationJob).orElse(verification);
        }
    }

    public boolean isVerificationRunning() {
        return verification != null && verification.state() == VerificationState.RUNNING;
    }

    public String getVerificationSummary() {
        if (verification == null) {
            return "";
        }
        long total = Math.max(0, verification.toSequence() - verification.fromSequence());
        String progress = verification.checked() + " of " + total + " entries checked";
        return switch (verification.state()) {
            case RUNNING -> "Verifying: " + progress + ".";
            case VERIFIED -> "Verified: " + progress + "; chain, Merkle roots, tiles and checkpoint signatures are intact.";
            case FAILED -> "Verification FAILED: " + verification.failure().map(f -> f.message()).orElse("see the server log");
            case ABORTED -> "Verification aborted: " + verification.failure().map(f -> f.message()).orElse("");
        };
    }
}
