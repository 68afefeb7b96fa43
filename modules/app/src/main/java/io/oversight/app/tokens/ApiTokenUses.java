package io.oversight.app.tokens;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Writes when a token was last used, in a transaction of its own: the check that calls it runs
 * without one, since on almost every call it only reads.
 */
@ApplicationScoped
public class ApiTokenUses {

    @PersistenceContext(unitName = "oversight")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String tokenId, Instant usedAt) {
        em.createQuery("UPDATE ApiTokenEntity t SET t.lastUsedAt = :now WHERE t.id = :id")
                .setParameter("now", usedAt).setParameter("id", tokenId).executeUpdate();
    }
}
