package io.oversight.ledger;

import java.util.Map;
import java.util.Objects;

/**
 * A pseudonym resolved by an authorised auditor; the reveal itself is a ledger entry.
 *
 * @param pseudonym the pseudonym asked about
 * @param kind      actor or data subject
 * @param identity  who it is: the identity the pseudonym was issued for
 * @param fields    the declared personal data fields, by name
 */
public record RevealedSubject(String pseudonym, PersonKind kind, String identity, Map<String, String> fields) {

    public RevealedSubject {
        Objects.requireNonNull(pseudonym, "pseudonym");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(identity, "identity");
        fields = Map.copyOf(fields);
    }
}
