package io.oversight.app.users;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A request to create an account. Roles must be among {@code io.oversight.ledger.Roles.ALL}. */
public record NewUser(
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}",
                message = "must be 3 to 64 characters: lower-case letters, digits, '.', '_' or '-'")
        String username,
        @NotNull @Size(min = 12, max = 256, message = "must be 12 to 256 characters") String password,
        @Size(max = 200) String displayName,
        @NotEmpty List<@NotBlank @Pattern(regexp = "annotator|reviewer|expert|adjudicator|governance|auditor|admin|integration",
                message = "must be one of annotator, reviewer, expert, adjudicator, governance, auditor, admin, integration")
                String> roles) {
}
