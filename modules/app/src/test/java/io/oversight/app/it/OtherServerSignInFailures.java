package io.oversight.app.it;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes failed sign-ins into the shared table the way another server of the cluster records them:
 * straight to the database, so this server's memory knows nothing of them. Deployed with the test
 * archive only.
 */
@WebServlet(OtherServerSignInFailures.PATH)
public class OtherServerSignInFailures extends HttpServlet {

    static final String PATH = "/it-probe/other-server-sign-in-failures";

    @Resource(lookup = "jdbc/oversight")
    DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = request.getParameter("username");
        String address = request.getParameter("address");
        int count = Integer.parseInt(request.getParameter("count"));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO app_sign_in_failure (id, username, address, failed_at) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, username);
                insert.setString(3, address);
                insert.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IOException(e);
        }
        response.setStatus(204);
    }
}
