package io.oversight.kernel.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The PostgreSQL the tests use: the one answering on {@code oversight.test.postgres.host}:{@code
 * oversight.test.postgres.port} (default 127.0.0.1:5432), or, where nothing answers there, an embedded
 * PostgreSQL started on that port for the rest of this JVM, so a newcomer's {@code ./mvnw verify} needs
 * no database of their own (ADR 0020). A server that answers is always used and never stopped.
 */
public final class LocalPostgres {

    /** Host of the test PostgreSQL. */
    public static final String HOST = System.getProperty("oversight.test.postgres.host", "127.0.0.1");
    /** Port of the test PostgreSQL, the local one or the embedded one started in its place. */
    public static final int PORT = Integer.getInteger("oversight.test.postgres.port", 5432);

    private static EmbeddedPostgres embedded;

    private LocalPostgres() {
    }

    /**
     * The JDBC URL prefix ({@code jdbc:postgresql://host:port/}) of a PostgreSQL that answers, starting
     * the embedded one first if needed.
     *
     * @throws UncheckedIOException if nothing answers and the embedded server cannot start either
     *         (PostgreSQL refuses to run as the operating-system root user, for one)
     */
    public static synchronized String urlPrefix() {
        if (!answers(HOST, PORT) && embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().setPort(PORT).start();
            } catch (IOException e) {
                throw new UncheckedIOException("No PostgreSQL answers on " + HOST + ":" + PORT
                        + " and an embedded one could not start there", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(LocalPostgres::stopEmbedded));
        }
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/";
    }

    /** Whether the tests are running on an embedded PostgreSQL started by this JVM. */
    public static synchronized boolean embedded() {
        return embedded != null;
    }

    private static synchronized void stopEmbedded() {
        try {
            embedded.close();
        } catch (IOException e) {
            // the JVM is exiting; the embedded server's own hook removes its data directory
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
