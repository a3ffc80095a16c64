package dev.godwit.engine.dialect;

import java.util.List;

/**
 * The replication cluster a database server belongs to, as that server sees it (a MariaDB Galera node:
 * {@code wsrep_*} status). Shown by {@code status}, so that a deploy through one node can be judged
 * against the whole cluster.
 *
 * @param kind          what kind of cluster, e.g. "Galera"
 * @param size          how many nodes the cluster has now
 * @param clusterStatus the component this node is in ("Primary" is the one that accepts writes)
 * @param node          this node's name
 * @param nodeState     this node's state ("Synced" when it serves current data)
 * @param members       the nodes' client addresses, as the cluster lists them
 */
public record ClusterState(String kind, int size, String clusterStatus, String node, String nodeState, List<String> members) {

    public ClusterState {
        members = List.copyOf(members);
    }

    /** Whether this node is in the primary component and synced: writes through it reach the whole cluster. */
    public boolean healthy() {
        return "Primary".equalsIgnoreCase(clusterStatus) && "Synced".equalsIgnoreCase(nodeState);
    }

    /** One line: "Galera cluster of 3 nodes (Primary); this node node2 is Synced; members 127.0.0.1:13306, …". */
    public String describe() {
        return kind + " cluster of " + size + (size == 1 ? " node" : " nodes") + " (" + clusterStatus + "); this node "
                + node + " is " + nodeState + (members.isEmpty() ? "" : "; members " + String.join(", ", members));
    }
}
