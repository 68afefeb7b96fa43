package io.oversight.app.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Deployed with the in-container tests to look at the application's persistence unit from inside. */
@ApplicationScoped
public class PersistenceProbe {

    @PersistenceContext(unitName = "oversight")
    EntityManager entityManager;

    public EntityManager entityManager() {
        return entityManager;
    }
}
