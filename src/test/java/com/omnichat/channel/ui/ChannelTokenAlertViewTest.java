package com.omnichat.channel.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.BrowserlessViewTest;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.internal.ChannelStateStore;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A channel's access token is rejected while an administrator works elsewhere in the app: he
 * is told live, and Administration → Channels stays marked until the channel works again.
 */
class ChannelTokenAlertViewTest extends BrowserlessViewTest {

    static final String TOKEN = "EAAGm0PX4ZCpsBAsecret-token-never-shown";

    @Autowired
    ChannelStateStore state;

    @Test
    void theAdministratorIsToldLiveAndChannelsStaysMarkedUntilTheChannelWorksAgain() {
        ChannelInfo channel = inbox.channel(ChannelType.FACEBOOK, "Messenger · Flower Shop");
        signInAndOpenApp(staff.administrator("olena"));
        open("chats");
        assertThat(marker().isVisible()).as("nothing wrong yet").isFalse();

        // Another node's send met code 190: the event arrives over PostgreSQL NOTIFY.
        state.tokenRejected(channel.id(), "Meta: the access token has expired or was revoked (code 190)");

        untilLive("the notice", () -> !$(Notification.class).all().isEmpty());
        String notice = lastNotification();
        assertThat(notice)
                .contains("Messenger · Flower Shop")
                .contains("Administration → Channels")
                .doesNotContain(TOKEN);
        assertThat(marker().isVisible()).isTrue();
        assertThat(marker().getElement().getAttribute("aria-label")).isEqualTo("A channel needs a new access token");

        open("admin/channels");
        open("chats");
        assertThat(marker().isVisible()).as("stays while the token is rejected").isTrue();

        // A successful check.
        state.error(channel.id(), null);

        untilLive("the marker goes", () -> !marker().isVisible());
    }

    @Test
    void aNewTabShowsTheMarkerOfAChannelStillWaitingForItsToken() {
        ChannelInfo channel = inbox.channel(ChannelType.FACEBOOK, "Messenger · Flower Shop");
        state.tokenRejected(channel.id(), "Meta: the access token has expired or was revoked (code 190)");

        signInAndOpenApp(staff.administrator("olena"));
        open("chats");

        assertThat(marker().isVisible()).isTrue();
    }

    private Span marker() {
        SideNavItem channels = $(SideNavItem.class)
                .withPropertyValue(SideNavItem::getLabel, "Channels")
                .single();
        return (Span) channels.getSuffixComponent();
    }
}
