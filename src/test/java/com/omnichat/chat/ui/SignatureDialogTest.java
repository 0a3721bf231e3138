package com.omnichat.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.BrowserlessViewTest;
import com.omnichat.base.TranslationProvider;
import com.omnichat.channel.ChannelType;
import com.omnichat.user.StaffMember;
import com.omnichat.user.UserService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarTester;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** User menu → E-mail signature…: a manager who answers mail sets his own signature. */
class SignatureDialogTest extends BrowserlessViewTest {

    // The user menu: his name, then Language, Notifications…, E-mail signature…, Sign out.
    private static final int USER = 0;
    private static final int SIGNATURE = 2;

    @Autowired
    UserService users;

    @Test
    void aManagerWithAnEmailChannelSetsHisSignatureAndFindsItAgain() {
        signInWithAMailbox("anna");
        open("chats");
        assertThat(userMenuLabels()).containsExactly("Language", "Notifications…", "E-mail signature…", "Sign out");

        userMenu().clickItem(USER, SIGNATURE);
        SignatureDialog dialog = $(SignatureDialog.class).single();
        assertThat(dialog.getHeaderTitle()).isEqualTo("E-mail signature");
        assertThat(dialog.signature.getValue()).isEmpty();
        test(dialog.signature).setValue("Anna Kovalenko\nFlower Shop");
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(lastNotification()).isEqualTo("Signature saved.");
        assertThat(users.ownSignature()).contains("Anna Kovalenko\nFlower Shop");
        userMenu().clickItem(USER, SIGNATURE);
        assertThat($(SignatureDialog.class).single().signature.getValue()).isEqualTo("Anna Kovalenko\nFlower Shop");
    }

    @Test
    void clearingTheFieldRemovesTheSignatureForThisUserOnly() {
        StaffMember max = signInWithAMailbox("max");
        users.changeOwnSignature("Max");
        signInWithAMailbox("anna");
        users.changeOwnSignature("Anna");
        open("chats");

        userMenu().clickItem(USER, SIGNATURE);
        SignatureDialog dialog = $(SignatureDialog.class).single();
        test(dialog.signature).setValue("");
        test(dialog.save).click();

        assertThat(lastNotification()).isEqualTo("Signature removed.");
        assertThat(users.ownSignature()).isEmpty();
        assertThat(users.signatureOf(max.id())).contains("Max");
    }

    @Test
    void withoutAnEmailChannelThereIsNoSignatureToSet() {
        StaffMember anna = staff.manager("anna");
        inbox.channel("Telegram shop", anna);
        signInAndOpenApp(anna);
        open("chats");

        assertThat(userMenuLabels()).containsExactly("Language", "Notifications…", "Sign out");
    }

    @Test
    void theDialogSpeaksTheUsersLanguage() {
        signInWithAMailbox("anna");
        VaadinSession.getCurrent().setLocale(TranslationProvider.UKRAINIAN);
        UI.getCurrent().getPage().reload();
        open("chats");

        userMenu().clickItem(USER, SIGNATURE);
        SignatureDialog dialog = $(SignatureDialog.class).single();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Підпис для e-mail");
        assertThat(dialog.signature.getLabel()).isEqualTo("Підпис");
    }

    private StaffMember signInWithAMailbox(String login) {
        StaffMember member = staff.manager(login);
        inbox.channel(ChannelType.EMAIL, "E-mail · " + login, member);
        signInAndOpenApp(member);
        return member;
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
}
