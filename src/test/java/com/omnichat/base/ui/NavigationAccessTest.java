package com.omnichat.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.BrowserlessViewTest;
import com.omnichat.user.ui.LoginView;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.Test;

/** Who sees which part of the application. */
class NavigationAccessTest extends BrowserlessViewTest {

    @Test
    void anonymousVisitorIsSentToTheLoginView() {
        assertThat(getCurrentView()).as("the start page").isInstanceOf(LoginView.class);
        assertThat(open("chats")).isInstanceOf(LoginView.class);
        assertThat(open("clients")).isInstanceOf(LoginView.class);
        assertThat(open("admin/users")).isInstanceOf(LoginView.class);
    }

    @Test
    void managerWorksInChatsAndSeesNoAdministration() {
        var anna = staff.manager("anna");
        inbox.channel("Shop bot", anna);
        signInAndOpenApp(anna);

        assertThat(open("")).as("the start page is the chats").isNotInstanceOf(LoginView.class);
        assertThat(viewTitle()).isEqualTo("Chats");
        assertThat(sideNavLabels()).containsExactly("Chats", "Clients", "Requests", "Orders");

        open("orders");
        assertThat(viewTitle()).as("the top bar follows the navigation").isEqualTo("Orders");
        assertThat($(SideNavItem.class).all())
                .extracting(item -> relative(item.getPath()))
                .doesNotContain("admin/users");
    }

    @Test
    void managerWithoutAnyChannelHasNoChatsEntry() {
        signInAndOpenApp(staff.manager("newbie"));

        assertThat(sideNavLabels()).containsExactly("Clients", "Requests", "Orders");
    }

    @Test
    void managerCannotOpenUsersAdministrationByAddress() {
        signInAndOpenApp(staff.manager("anna"));

        assertThat(open("admin/users"))
                .as("looks like an unknown address: reveals nothing")
                .isInstanceOf(NotFoundView.class);
    }

    @Test
    void administratorSeesAdministrationWithUsers() {
        inbox.channel("Shop bot");
        signInAndOpenApp(staff.administrator("olena"));

        open("chats");

        assertThat(sideNavLabels())
                .containsExactly(
                        "Chats",
                        "Clients",
                        "Requests",
                        "Orders",
                        "Administration",
                        "Users",
                        "Roles",
                        "Channels",
                        "Quick replies",
                        "Products");
        SideNavItem administration = $(SideNavItem.class)
                .withPropertyValue(SideNavItem::getLabel, "Administration")
                .single();
        assertThat(administration.getItems())
                .extracting(item -> relative(item.getPath()))
                .containsExactly(
                        "admin/users", "admin/roles", "admin/channels", "admin/quick-replies", "admin/products");
    }

    @Test
    void unknownAddressShowsTheNotFoundPage() {
        signInAndOpenApp(staff.manager("anna"));

        assertThat(open("no/such/page")).isInstanceOf(NotFoundView.class);
    }

    @Test
    void userMenuShowsTheSignedInUser() {
        signInAndOpenApp(staff.manager("anna"));
        open("chats");

        assertThat($(com.vaadin.flow.component.avatar.Avatar.class).single().getName())
                .isEqualTo("Anna Tester");
    }

    private static String relative(String path) {
        return path == null ? "" : path.replaceFirst("^/", "");
    }
}
