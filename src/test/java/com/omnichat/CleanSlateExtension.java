package com.omnichat;

import com.omnichat.user.StaffFixtures;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Before each test: no staff users, channels or chats in the database, nothing of earlier tests in
 * memory (presence, open tabs), nobody signed in. After it: signed out.
 */
class CleanSlateExtension implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        var application = SpringExtension.getApplicationContext(context);
        application.getBean(StaffFixtures.class).resetDatabase();
        InMemoryState.forget(application);
        TestSecurityContextHolder.clearContext();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestSecurityContextHolder.clearContext();
    }
}
