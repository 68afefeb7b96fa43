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
import javax.sql.DataSource;

/**
 * Lets time pass for one data subject: moves its last use in the vault {@code days} days back, so a
 * test can reach the end of a retention period of months. Deployed with the test archive only.
 */
@WebServlet(RetentionProbe.PATH)
public class RetentionProbe extends HttpServlet {

    static final String PATH = "/it-probe/age-subject";
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    @Resource(lookup = "jdbc/oversight")
    DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String pseudonym = request.getParameter("pseudonym");
        long days = Long.parseLong(request.getParameter("days"));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement age = connection.prepareStatement(
                     "UPDATE ledger_vault_subject SET last_used_micros = last_used_micros - ? WHERE pseudonym = ?")) {
            age.setLong(1, days * MICROS_PER_DAY);
            age.setString(2, pseudonym);
            if (age.executeUpdate() != 1) {
                response.sendError(404, "no subject " + pseudonym);
                return;
            }
        } catch (SQLException e) {
            throw new IOException(e);
        }
        response.setStatus(204);
    }
}
