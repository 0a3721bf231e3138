package com.omnichat.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL database the nodes of a run share: created empty (the first node migrates it),
 * queried by the run to count what happened, dropped at the end.
 */
public final class ClusterDatabase implements AutoCloseable {

    private static final String SERVER = "jdbc:postgresql://localhost:5432/";

    private final String name;
    private final boolean dropAtEnd;

    private ClusterDatabase(String name, boolean dropAtEnd) {
        this.name = name;
        this.dropAtEnd = dropAtEnd;
    }

    /** A new, empty database (dropped first if it exists). */
    public static ClusterDatabase recreate(String name, boolean dropAtEnd) {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement st = admin.createStatement()) {
            st.execute("drop database if exists \"" + name + "\" with (force)");
            st.execute("create database \"" + name + "\" encoding 'UTF8' template template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return new ClusterDatabase(name, dropAtEnd);
    }

    public String name() {
        return name;
    }

    public long count(String sql, Object... params) {
        return ((Number) single(sql, params)).longValue();
    }

    public Object single(String sql, Object... params) {
        List<Map<String, Object>> rows = rows(sql, params);
        return rows.isEmpty() ? null : rows.getFirst().values().iterator().next();
    }

    public List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(SERVER + name, "postgres", "");
                var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        if (!dropAtEnd) {
            return;
        }
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement st = admin.createStatement()) {
            st.execute("drop database if exists \"" + name + "\" with (force)");
        } catch (SQLException e) {
            // Left behind for diagnosis; the next run drops it.
        }
    }
}
