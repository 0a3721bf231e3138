package com.omnichat.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.BrowserlessViewTest;
import com.omnichat.base.TranslationProvider;
import com.omnichat.chat.ChatNotifications;
import com.omnichat.chat.NotificationScope;
import com.omnichat.chat.NotificationSettings;
import com.omnichat.user.StaffMember;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarTester;
import com.vaadin.flow.component.radiobutton.RadioButtonGroupTester;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.JsonNodeFactory;

/** User menu → Notifications…: the user's own settings, saved as he changes them. */
class NotificationSettingsDialogTest extends BrowserlessViewTest {

    // The user menu: his name, then Language, Notifications…, Sign out.
    private static final int USER = 0;
    private static final int NOTIFICATIONS = 1;

    @Autowired
    ChatNotifications notifications;

    @Test
    void theUserMenuOpensTheSettingsWithTheDefaults() {
        signInWithAChannel();
        open("chats");

        assertThat(userMenuLabels()).containsExactly("Language", "Notifications…", "Sign out");
        userMenu().clickItem(USER, NOTIFICATIONS);

        NotificationSettingsDialog dialog = $(NotificationSettingsDialog.class).single();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Notifications");
        assertThat(dialog.sound.getValue()).isTrue();
        assertThat(dialog.desktop.getValue()).isFalse();
        assertThat(dialog.scope.getValue()).isEqualTo(NotificationScope.MINE_AND_UNASSIGNED);
        assertThat(dialog.scope
                        .getListDataView()
                        .getItems()
                        .map(s -> dialog.scope.getItemLabelGenerator().apply(s)))
                .containsExactly(
                        "Only my chats (I am responsible)",
                        "My chats and chats without a responsible manager",
                        "All chats I can see");
    }

    @Test
    void everyChangeIsSavedAtOnceForThisUserOnly() {
        signInWithAChannel();
        open("clients");
        userMenu().clickItem(USER, NOTIFICATIONS);
        NotificationSettingsDialog dialog = $(NotificationSettingsDialog.class).single();

        test(dialog.sound).click();
        test(RadioButtonGroupTester.class, dialog.scope).selectItem("All chats I can see");

        assertThat(notifications.settings()).isEqualTo(new NotificationSettings(false, false, NotificationScope.ALL));
        assertThat(tryIt(dialog)).as("plays what he chose: no sound now").containsExactly(false, false);
        test(dialog.sound).click();
        assertThat(tryIt(dialog)).as("and the chime once it is on again").containsExactly(true, false);
        test(dialog.sound).click();
        dialog.close();
        userMenu().clickItem(USER, NOTIFICATIONS);
        NotificationSettingsDialog reopened =
                $(NotificationSettingsDialog.class).single();
        assertThat(reopened.sound.getValue()).isFalse();
        assertThat(reopened.scope.getValue()).isEqualTo(NotificationScope.ALL);
    }

    @Test
    void turningDesktopNotificationsOnExplainsWhatTheBrowserAllows() {
        signInWithAChannel();
        open("chats");
        userMenu().clickItem(USER, NOTIFICATIONS);
        NotificationSettingsDialog dialog = $(NotificationSettingsDialog.class).single();
        browserPermissionIs("default");
        assertThat(dialog.permission.isVisible()
                        && dialog.permission.getParent().orElseThrow().isVisible())
                .as("nothing to explain while desktop notifications are off")
                .isFalse();

        test(dialog.desktop).click();

        assertThat(notifications.settings().desktop()).isTrue();
        browserPermissionIs("default");
        assertThat(dialog.permission.getText())
                .isEqualTo("Your browser has not allowed notifications from Omnichat yet.");
        assertThat(dialog.allow.isVisible()).isTrue();

        dialog.permissionChanged("denied");
        assertThat(dialog.permission.getText()).contains("blocks notifications");
        assertThat(dialog.allow.isVisible()).isFalse();

        dialog.permissionChanged("unsupported");
        assertThat(dialog.permission.getText()).contains("HTTPS");

        dialog.permissionChanged("granted");
        assertThat(dialog.permission.getParent().orElseThrow().isVisible()).isFalse();
    }

    @Test
    void aUserWithoutChannelsHasNoNotificationsToSet() {
        signInAndOpenApp(staff.manager("newbie"));
        open("clients");

        assertThat(userMenuLabels()).containsExactly("Language", "Sign out");
    }

    @Test
    void theDialogSpeaksTheUsersLanguage() {
        signInWithAChannel();
        VaadinSession.getCurrent().setLocale(TranslationProvider.UKRAINIAN);
        UI.getCurrent().getPage().reload();
        open("chats");

        userMenu().clickItem(USER, NOTIFICATIONS);

        NotificationSettingsDialog dialog = $(NotificationSettingsDialog.class).single();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Сповіщення");
        assertThat(dialog.desktop.getLabel()).isEqualTo("Сповіщення на робочому столі");
    }

    private StaffMember signInWithAChannel() {
        StaffMember anna = staff.manager("anna");
        inbox.channel("Telegram shop", anna);
        signInAndOpenApp(anna);
        return anna;
    }

    /** Answers the dialog's questions to the browser about notification permission. */
    private static void browserPermissionIs(String state) {
        roundTrip();
        List<PendingJavaScriptInvocation> asked =
                UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                        .filter(i -> i.isSubscribed()
                                && i.getInvocation().getExpression().contains("Notification.permission"))
                        .toList();
        assertThat(asked).isNotEmpty();
        asked.forEach(i -> i.complete(JsonNodeFactory.instance.stringNode(state)));
    }

    private List<String> userMenuLabels() {
        MenuBar menu = $(MenuBar.class).withClassName("user-menu").single();
        return menu.getItems().getFirst().getSubMenu().getItems().stream()
                .map(MenuItem::getText)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private MenuBarTester<MenuBar> userMenu() {
        return test(
                MenuBarTester.class, $(MenuBar.class).withClassName("user-menu").single());
    }

    /** Clicks "Try it"; returns the sound and desktop flags the browser script was asked to play. */
    private List<Object> tryIt(NotificationSettingsDialog dialog) {
        roundTrip();
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
        test(dialog.tryIt).click();
        roundTrip();
        List<List<Object>> played = UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(i -> i.getInvocation().getParameters())
                .filter(p -> p.contains("This is how a new client message will be announced."))
                .map(p -> p.stream().filter(Boolean.class::isInstance).toList())
                .toList();
        assertThat(played).as("one try").hasSize(1);
        return played.getFirst();
    }
}
