package io.oversight.ledger.storage;

import io.oversight.ledger.LedgerException;

/** The ledger keystore, or a key it should hold, cannot be read: checkpoints cannot be signed. */
public final class KeyStoreUnavailableException extends LedgerException {

    private static final long serialVersionUID = 1L;

    public KeyStoreUnavailableException(String message) {
        super(message);
    }

    public KeyStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
