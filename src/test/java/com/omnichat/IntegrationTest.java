package com.omnichat;

import com.omnichat.channel.FakeProviderServers;
import com.omnichat.channel.PhoneChannelConnector;
import com.omnichat.channel.internal.MediaFetcher;
import com.omnichat.chat.InboxFixtures;
import com.omnichat.customer.CardFixtures;
import com.omnichat.sales.SalesFixtures;
import com.omnichat.user.StaffFixtures;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * An integration test against the real PostgreSQL test database (profile {@code test}).
 * Every class carrying exactly this annotation (and nothing else that shapes the context)
 * shares one cached Spring context, so the application starts once per test JVM.
 * <p>
 * Each test starts with no staff users, channels or chats and nobody signed in
 * ({@link CleanSlateExtension}); {@link StaffFixtures} creates the people a use case needs and
 * signs them in, {@link InboxFixtures} the channels and the client messages, {@link CardFixtures}
 * leads and buyers, {@link SalesFixtures} the sales side; each is a bean to autowire.
 * <p>
 * Login throttling is tightened so its tests need few attempts. A fake phone channel type
 * ({@link PhoneChannelConnector}, WhatsApp) can start dialogs by phone. The providers' base URLs
 * point at their fakes on loopback ({@link FakeProviderServers}); the media fetcher is a spy, so
 * a test can have it behave as production does (no loopback) — reset after each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(
        properties = {
            "omnichat.login.failures-per-login=" + IntegrationTest.FAILURES_PER_LOGIN,
            "omnichat.login.failures-per-address=" + IntegrationTest.FAILURES_PER_ADDRESS,
            // Long enough that a test sees the delay after the failures still running.
            "omnichat.login.first-delay=1m",
        })
@ActiveProfiles("test")
@Import({
    StaffFixtures.class,
    InboxFixtures.class,
    CardFixtures.class,
    SalesFixtures.class,
    PhoneChannelConnector.class,
    FakeProviderServers.Urls.class
})
@MockitoSpyBean(types = MediaFetcher.class)
@ExtendWith(CleanSlateExtension.class)
public @interface IntegrationTest {

    /** Wrong passwords for one login before it is blocked. */
    int FAILURES_PER_LOGIN = 3;

    /** Wrong passwords from one address before it is blocked. */
    int FAILURES_PER_ADDRESS = 6;
}
