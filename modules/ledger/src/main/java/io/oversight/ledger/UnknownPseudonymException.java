package io.oversight.ledger;

/** No subject in the vault has this pseudonym. */
public final class UnknownPseudonymException extends LedgerException {

    private static final long serialVersionUID = 1L;

    private final String pseudonym;

    public UnknownPseudonymException(String pseudonym) {
        super("no subject has pseudonym " + pseudonym);
        this.pseudonym = pseudonym;
    }

    public String pseudonym() {
        return pseudonym;
    }
}
