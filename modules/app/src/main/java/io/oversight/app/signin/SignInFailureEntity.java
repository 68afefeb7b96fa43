package io.oversight.app.signin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One failed sign-in: which account name was tried, from which address, when. Rows are only added and deleted. */
@Entity
@Table(name = "app_sign_in_failure")
public class SignInFailureEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "username", nullable = false, length = 64)
    private String username;

    @Column(name = "address", nullable = false, length = 64)
    private String address;

    @Column(name = "failed_at", nullable = false)
    private Instant failedAt;

    protected SignInFailureEntity() {
    }

    SignInFailureEntity(String username, String address, Instant failedAt) {
        this.id = UUID.randomUUID().toString();
        this.username = Objects.requireNonNull(username, "username");
        this.address = Objects.requireNonNull(address, "address");
        this.failedAt = Objects.requireNonNull(failedAt, "failedAt");
    }

    String username() {
        return username;
    }

    String address() {
        return address;
    }

    Instant failedAt() {
        return failedAt;
    }
}
