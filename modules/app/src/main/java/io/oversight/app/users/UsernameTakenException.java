package io.oversight.app.users;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;

/** A second account with an existing username: 409, nothing changed. */
public class UsernameTakenException extends ClientErrorException {

    public UsernameTakenException(String username) {
        super("An account named '" + username + "' already exists.", Response.Status.CONFLICT);
    }
}
