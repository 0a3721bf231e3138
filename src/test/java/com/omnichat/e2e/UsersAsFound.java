package com.omnichat.e2e;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Every browser test leaves the demo users as it found them: the language a journey switched
 * to, the notification settings it chose. The browser tests share one application and
 * database, so otherwise the next journey (in any order) would meet anna speaking Ukrainian.
 */
class UsersAsFound implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(UsersAsFound.class);

    private record Found(List<Map<String, Object>> users, List<Map<String, Object>> notifications) {}

    @Override
    public void beforeEach(ExtensionContext context) {
        JdbcClient jdbc = jdbc(context);
        context.getStore(NAMESPACE)
                .put(
                        Found.class,
                        new Found(
                                jdbc.sql("select id, full_name, language, active, password_hash from staff_user")
                                        .query()
                                        .listOfRows(),
                                jdbc.sql("select user_id, sound, desktop, scope from notification_settings")
                                        .query()
                                        .listOfRows()));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Found found = context.getStore(NAMESPACE).get(Found.class, Found.class);
        if (found == null) {
            return;
        }
        JdbcClient jdbc = jdbc(context);
        for (Map<String, Object> user : found.users()) {
            jdbc.sql("update staff_user set full_name = :full_name, language = :language, active = :active,"
                            + " password_hash = :password_hash where id = :id")
                    .params(user)
                    .update();
        }
        jdbc.sql("delete from notification_settings").update();
        for (Map<String, Object> settings : found.notifications()) {
            jdbc.sql("insert into notification_settings (user_id, sound, desktop, scope)"
                            + " values (:user_id, :sound, :desktop, :scope)")
                    .params(settings)
                    .update();
        }
    }

    private static JdbcClient jdbc(ExtensionContext context) {
        return SpringExtension.getApplicationContext(context).getBean(JdbcClient.class);
    }
}
