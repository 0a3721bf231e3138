package com.omnichat;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import com.omnichat.user.StaffFixtures;

/** Before each test: no staff users in the database, nobody signed in. After it: signed out. */
class CleanSlateExtension implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        SpringExtension.getApplicationContext(context).getBean(StaffFixtures.class).deleteAllStaff();
        TestSecurityContextHolder.clearContext();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestSecurityContextHolder.clearContext();
    }
}
