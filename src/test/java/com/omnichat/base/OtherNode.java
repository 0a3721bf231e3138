package com.omnichat.base;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Stands in for a second application node in tests: its own broadcaster on the same database. */
public final class OtherNode {

    private OtherNode() {}

    /** A started broadcaster with its own notification connection; stop it when done. */
    public static ClusterBroadcaster broadcaster(JdbcClient jdbc, DataSourceProperties dataSource, JsonMapper json) {
        var broadcaster = new ClusterBroadcaster(jdbc, dataSource, json);
        broadcaster.start();
        return broadcaster;
    }
}
