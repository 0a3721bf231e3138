package com.omnichat;

import static org.awaitility.Awaitility.await;

import com.omnichat.base.StaffPrincipal;
import com.omnichat.chat.InboxFixtures;
import com.omnichat.user.StaffFixtures;
import com.omnichat.user.StaffMember;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the browserless view tests: the real application context (shared with the
 * service tests), a simulated browser tab per test, and helpers to sign in.
 */
@IntegrationTest
public abstract class BrowserlessViewTest extends SpringBrowserlessTest {

    @Autowired
    protected StaffFixtures staff;

    @Autowired
    protected InboxFixtures inbox;

    @Override
    @BeforeEach // the overridden method carries it; an override must repeat it
    protected void initVaadinEnvironment() {
        super.initVaadinEnvironment();
        // Vaadin's bootstrap gives every new UI (a reload, a new tab) the session's locale;
        // the browserless mock creates UIs without that step, so it is added here.
        VaadinService.getCurrent()
                .addUIInitListener(
                        e -> e.getUI().setLocale(e.getUI().getSession().getLocale()));
    }

    /**
     * Signs the user in and opens a new tab for him, as the browser does after the login
     * form: the session and UI are created with him already authenticated, so per-session
     * initialisation (his stored language) runs as in production.
     */
    protected StaffPrincipal signInAndOpenApp(StaffMember member) {
        StaffPrincipal principal = staff.signInAs(member);
        cleanVaadinEnvironment();
        initVaadinEnvironment();
        return principal;
    }

    /** Navigates like typing an address into the browser; returns where the user ended up. */
    protected HasElement open(String location) {
        UI.getCurrent().navigate(location);
        return getCurrentView();
    }

    /**
     * Waits until the condition holds, letting live updates in meanwhile: they reach the tab from other
     * threads, and the browserless session runs them only when asked, in the test's thread.
     */
    protected void untilLive(String what, BooleanSupplier condition) {
        await(what)
                .atMost(Duration.ofSeconds(10))
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(25))
                .until(() -> {
                    VaadinSession.getCurrent().getService().runPendingAccessTasks(VaadinSession.getCurrent());
                    roundTrip();
                    return condition.getAsBoolean();
                });
    }

    /** The text of the latest notification shown. */
    protected String lastNotification() {
        return test($(Notification.class).last()).getText();
    }

    /** The title shown in the top bar. */
    protected String viewTitle() {
        return $(Span.class).withClassName("view-title").single().getText();
    }

    /** Labels of the side navigation items, groups included, in order. */
    protected List<String> sideNavLabels() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }
}
