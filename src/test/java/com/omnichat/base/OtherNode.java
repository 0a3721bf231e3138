package com.omnichat.base;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Stands in for a second application node in tests: its own broadcaster on the same database. */
public final class OtherNode {

    private OtherNode() {}

    /** A started broadcaster with its own notification connection; stop it when done. */
    public static ClusterBroadcaster broadcaster(JdbcClient jdbc, DataSourceProperties dataSource) {
        var broadcaster = new ClusterBroadcaster(jdbc, dataSource);
        broadcaster.start();
        return broadcaster;
    }
}
