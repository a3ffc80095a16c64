package dev.godwit.engine.dialect.mysql;

import dev.godwit.engine.dialect.ClusterState;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads whether a MariaDB server is a Galera node ({@code wsrep_on}) and how its cluster stands. */
final class GaleraStatus {
    private GaleraStatus() {
    }

    static Optional<ClusterState> read(Connection c) throws SQLException {
        Map<String, String> vars = rows(c, "SHOW VARIABLES WHERE Variable_name IN ('wsrep_on', 'wsrep_node_name')");
        if (!"ON".equalsIgnoreCase(vars.get("wsrep_on"))) {
            return Optional.empty();
        }
        Map<String, String> status = rows(c, "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_cluster_size', "
                + "'wsrep_cluster_status', 'wsrep_local_state_comment', 'wsrep_incoming_addresses')");
        int size;
        try {
            size = Integer.parseInt(status.getOrDefault("wsrep_cluster_size", "0"));
        } catch (NumberFormatException e) {
            size = 0;
        }
        String addresses = status.getOrDefault("wsrep_incoming_addresses", "");
        List<String> members = addresses.isBlank() ? List.of()
                : Arrays.stream(addresses.split(",")).map(String::strip).filter(s -> !s.isEmpty()).sorted().toList();
        return Optional.of(new ClusterState("Galera", size, status.getOrDefault("wsrep_cluster_status", "unknown"),
                vars.getOrDefault("wsrep_node_name", "?"), status.getOrDefault("wsrep_local_state_comment", "unknown"), members));
    }

    private static Map<String, String> rows(Connection c, String sql) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getString(2));
            }
        }
        return out;
    }
}
