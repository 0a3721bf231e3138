package com.omnichat.sales;

import com.omnichat.base.UserFacingException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The request pipeline. The migration installs the default stages; should the table ever
 * be emptied (a reset, a careless script) they come back on first use, because a pipeline
 * without stages would make every request form fail.
 */
@Component
class StageCatalog {

    private final JdbcClient jdbc;

    StageCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RequestStage> all() {
        List<RequestStage> stages = read();
        if (stages.isEmpty()) {
            jdbc.sql("""
                    insert into request_stage (code, position, outcome) values
                        ('new', 10, 'OPEN'), ('in-progress', 20, 'OPEN'), ('won', 90, 'WON'), ('lost', 100, 'LOST')
                    on conflict (code) do nothing""").update();
            stages = read();
        }
        return stages;
    }

    RequestStage byId(long id) {
        return all().stream()
                .filter(s -> s.id() == id)
                .findFirst()
                .orElseThrow(() -> new UserFacingException("request.error.stage"));
    }

    RequestStage first() {
        return all().getFirst();
    }

    private List<RequestStage> read() {
        return jdbc.sql("select id, code, name, position, outcome from request_stage order by position, id")
                .query((rs, n) -> new RequestStage(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        StageOutcome.valueOf(rs.getString(5))))
                .list();
    }
}
