package com.omnichat.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.BrowserlessViewTest;
import com.omnichat.base.SystemAccess;
import com.omnichat.base.ui.NotFoundView;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelType;
import com.omnichat.chat.InboxService;
import com.omnichat.user.StaffMember;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /chats?client=ID&channel=CH} (an order's "Write"): the client's chat on that channel,
 * or a clear notice when he has none there yet; a client the user may not see is not found.
 */
class ClientChatLinkTest extends BrowserlessViewTest {

    @Autowired
    InboxService chats;

    StaffMember anna;
    ChannelInfo telegram;
    ChannelInfo instagram;
    long chat;
    long clientId;

    @BeforeEach
    void olenaWritesOnTelegram() {
        anna = staff.manager("anna");
        telegram = inbox.channel("Telegram shop", anna);
        instagram = inbox.channel(ChannelType.INSTAGRAM, "Instagram shop", anna);
        chat = inbox.newChat(telegram, "Olena Bondar");
        signInAndOpenApp(anna);
        clientId = chats.get(chat).clientId();
    }

    @Test
    void theClientsChatOnTheChannelOpens() {
        ChatsView view = openLink(Map.of("client", "" + clientId, "channel", "" + telegram.id()));

        assertThat(view.window.conversationId()).isEqualTo(chat);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("chats/" + chat);
    }

    @Test
    void withoutAChannelHisLatestChatOpens() {
        ChatsView view = openLink(Map.of("client", "" + clientId));

        assertThat(view.window.conversationId()).isEqualTo(chat);
    }

    @Test
    void noChatOnThatChannelYetIsSaidClearly() {
        ChatsView view = openLink(Map.of("client", "" + clientId, "channel", "" + instagram.id()));

        assertThat(view.window).isNull();
        assertThat(view.center.noClientChat).isNotNull();
        assertThat($(H3.class).all()).extracting(H3::getText).contains("No chat yet");
        assertThat(view.center.noClientChat.getElement().getTextRecursively())
                .contains("Olena Bondar has not written on Instagram shop yet");
    }

    @Test
    void aClientOfAnotherChannelIsNotFound() {
        ChannelInfo viber = inbox.channel(ChannelType.VIBER, "Viber shop");
        long hiddenChat = inbox.newChat(viber, "Hidden Client");
        long hidden = SystemAccess.call(() -> chats.get(hiddenChat).clientId());

        UI.getCurrent().navigate("chats", QueryParameters.simple(Map.of("client", "" + hidden)));

        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
    }

    private ChatsView openLink(Map<String, String> query) {
        UI.getCurrent().navigate("chats", QueryParameters.simple(query));
        return (ChatsView) getCurrentView();
    }
}
