package com.omnichat.base;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;

/**
 * Creates the application's PostgreSQL database before the connection pool opens, so
 * {@code ./mvnw spring-boot:run} works on a machine with a bare local PostgreSQL.
 * With {@code recreate} (tests) the database is dropped and created once per JVM, so
 * every test run starts from the migrations alone.
 */
class DatabaseBootstrap implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBootstrap.class);
    private static final Set<String> DONE = ConcurrentHashMap.newKeySet();

    private final boolean recreate;

    DatabaseBootstrap(boolean recreate) {
        this.recreate = recreate;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSourceProperties props) {
            prepare(props.determineUrl(), props.determineUsername(), props.determinePassword());
        }
        return bean;
    }

    void prepare(String jdbcUrl, String user, String password) {
        // Once per JVM and URL: several test contexts share one database.
        if (!DONE.add(jdbcUrl)) {
            return;
        }
        var target = DatabaseUrl.parse(jdbcUrl);
        try (Connection admin = DriverManager.getConnection(target.maintenanceUrl(), user, password)) {
            createIfMissing(admin, target.database());
        } catch (SQLException e) {
            // The pool will report the real problem (server down, wrong password) right after.
            log.warn("Could not prepare database {}: {}", target.database(), e.getMessage());
        }
    }

    private void createIfMissing(Connection admin, String database) throws SQLException {
        boolean exists;
        try (PreparedStatement ps = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                exists = rs.next();
            }
        }
        try (Statement st = admin.createStatement()) {
            String quoted = "\"" + database.replace("\"", "\"\"") + "\"";
            if (exists && recreate) {
                st.execute("drop database " + quoted + " with (force)");
                exists = false;
            }
            if (!exists) {
                st.execute("create database " + quoted + " encoding 'UTF8' template template0");
                log.info("Created database {}", database);
            }
        }
    }

    /** Splits a PostgreSQL JDBC URL into the database name and a URL of the maintenance database. */
    record DatabaseUrl(String database, String maintenanceUrl) {

        static DatabaseUrl parse(String jdbcUrl) {
            if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
                throw new IllegalArgumentException("Not a PostgreSQL URL: " + jdbcUrl);
            }
            URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            String database = uri.getPath().replaceFirst("^/", "");
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            String maintenance = "jdbc:postgresql://" + uri.getRawAuthority() + "/postgres" + query;
            return new DatabaseUrl(database, maintenance);
        }
    }
}
