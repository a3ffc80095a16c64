package dev.godwit.engine.dialect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A catalog query kept as a {@code .sql} resource beside the inspector that runs it. */
public final class CatalogQuery {
    private final String name;
    private final String sql;

    private CatalogQuery(String name, String sql) {
        this.name = name;
        this.sql = sql;
    }

    public static CatalogQuery load(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing catalog query " + resource + " beside " + owner.getName());
            }
            return new CatalogQuery(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    /** Runs the query with every {@code ?} bound to {@code schema}, handing each row to {@code handler}. */
    public void forEach(Connection connection, String schema, RowHandler handler) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int params = (int) sql.chars().filter(ch -> ch == '?').count(); // queries use '?' for nothing else
            for (int i = 1; i <= params; i++) {
                ps.setString(i, schema);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        } catch (SQLException e) {
            throw new SQLException("catalog query " + name + ": " + e.getMessage(), e.getSQLState(), e);
        }
    }

    public String name() {
        return name;
    }
}
