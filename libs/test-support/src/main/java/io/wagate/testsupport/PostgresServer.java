package io.wagate.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** A running PostgreSQL server on which tests create their own databases. */
public final class PostgresServer {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final String host;
    private final int port;
    private final String adminDatabase;
    private final String username;
    private final String password;

    public PostgresServer(String host, int port, String adminDatabase, String username, String password) {
        this.host = host;
        this.port = port;
        this.adminDatabase = adminDatabase;
        this.username = username;
        this.password = password;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** Creates an empty database with a name unique to this JVM run. */
    public TestDatabase createDatabase() {
        String name = "wagate_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://" + host + ":" + port + "/" + adminDatabase, username, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name + " on " + host + ":" + port, e);
        }
        return new TestDatabase(host, port, name, username, password);
    }
}
