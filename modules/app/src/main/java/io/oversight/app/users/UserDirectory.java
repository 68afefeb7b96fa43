package io.oversight.app.users;

import io.oversight.app.security.PasswordHashing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** Creates and reads accounts of the database identity store. */
@ApplicationScoped
@Transactional
public class UserDirectory {

    @PersistenceContext(unitName = "oversight")
    EntityManager em;

    @Inject
    PasswordHashing passwordHashing;

    @Inject
    Clock clock;

    public UserAccount create(NewUser request) {
        if (em.find(AppUser.class, request.username()) != null) {
            throw new UsernameTakenException(request.username());
        }
        AppUser user = new AppUser(request.username(), passwordHashing.hash(request.password().toCharArray()),
                request.displayName(), new HashSet<>(request.roles()), clock.instant());
        em.persist(user);
        em.flush();
        return UserAccount.of(user);
    }

    public Optional<UserAccount> find(String username) {
        return Optional.ofNullable(em.find(AppUser.class, username)).map(UserAccount::of);
    }

    public List<UserAccount> list() {
        return em.createQuery("SELECT u FROM AppUser u ORDER BY u.username", AppUser.class)
                .getResultList().stream().map(UserAccount::of).toList();
    }

    public long count() {
        return em.createQuery("SELECT COUNT(u) FROM AppUser u", Long.class).getSingleResult();
    }
}
