package com.omnichat.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.BrowserlessViewTest;
import com.omnichat.base.Role;
import com.omnichat.base.TranslationProvider;
import com.omnichat.user.StaffMember;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarTester;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;

/** The interface speaks the user's language: English, Ukrainian or Russian. */
class LanguageTest extends BrowserlessViewTest {

    // Positions in the user menu: the user's name, then Language with English, Українська, Русский.
    private static final int USER = 0;
    private static final int LANGUAGE = 0;
    private static final int ENGLISH = 0;
    private static final int RUSSIAN = 2;

    @Test
    void userWhoseSessionIsUkrainianSeesUkrainianMenu() {
        StaffMember anna = staff.manager("anna");
        inbox.channel("Shop bot", anna);
        signInAndOpenApp(anna);
        VaadinSession.getCurrent().setLocale(TranslationProvider.UKRAINIAN);

        UI.getCurrent().getPage().reload(); // a new UI in the same session
        open("chats");

        assertThat(sideNavLabels()).containsExactly("Чати", "Клієнти", "Заявки", "Замовлення");
        assertThat(viewTitle()).isEqualTo("Чати");
    }

    @Test
    void storedLanguageAppliesWhenTheUserSignsIn() {
        StaffMember oksana = staff.create("oksana", Role.ADMINISTRATOR, true, TranslationProvider.UKRAINIAN);
        inbox.channel("Shop bot");

        signInAndOpenApp(oksana);
        open("chats");

        assertThat(UI.getCurrent().getLocale()).isEqualTo(TranslationProvider.UKRAINIAN);
        assertThat(sideNavLabels())
                .containsExactly(
                        "Чати",
                        "Клієнти",
                        "Заявки",
                        "Замовлення",
                        "Адміністрування",
                        "Користувачі",
                        "Ролі",
                        "Канали",
                        "Швидкі відповіді",
                        "Товари");
    }

    @Test
    void choosingALanguageInTheUserMenuSwitchesAndRemembersIt() {
        StaffMember anna = staff.manager("anna");
        inbox.channel("Shop bot", anna);
        signInAndOpenApp(anna);
        open("chats");
        assertThat(sideNavLabels()).startsWith("Chats");
        assertThat(userMenu().isItemChecked(USER, LANGUAGE, ENGLISH)).isTrue();

        userMenu().clickItem(USER, LANGUAGE, RUSSIAN);

        // The page reloads in the chosen language...
        assertThat(VaadinSession.getCurrent().getLocale()).isEqualTo(TranslationProvider.RUSSIAN);
        assertThat(sideNavLabels()).startsWith("Чаты", "Клиенты");
        assertThat(userMenu().isItemChecked(USER, LANGUAGE, RUSSIAN)).isTrue();
        // ...and the choice is stored for her next sign-in, e.g. from another browser.
        assertThat(staff.reload(anna).language()).isEqualTo(TranslationProvider.RUSSIAN);
        signInAndOpenApp(anna);
        open("chats");
        assertThat(sideNavLabels()).startsWith("Чаты", "Клиенты");
    }

    @SuppressWarnings("unchecked")
    private MenuBarTester<MenuBar> userMenu() {
        return test(
                MenuBarTester.class, $(MenuBar.class).withClassName("user-menu").single());
    }
}
