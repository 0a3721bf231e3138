package com.omnichat.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.BrowserlessViewTest;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.chat.ConversationState;
import com.omnichat.chat.InboxService;
import com.omnichat.user.StaffMember;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The chats page's keyboard shortcuts, as the browser reports them. */
class KeyboardShortcutsTest extends BrowserlessViewTest {

    @Autowired
    InboxService service;

    private ChannelInfo telegram;
    private StaffMember anna;

    @BeforeEach
    void annaWorksTelegram() {
        anna = staff.manager("anna");
        telegram = inbox.channel("Telegram shop", anna);
    }

    @Test
    void questionMarkOpensTheHelpListingEveryShortcut() {
        signInAndOpenApp(anna);
        navigate(ChatsView.class);

        fireShortcut(ChatShortcuts.HELP, KeyModifier.SHIFT);

        ShortcutsHelp help = $(ShortcutsHelp.class).single();
        assertThat(help.isOpened()).isTrue();
        assertThat(help.getElement().getTextRecursively())
                .contains("Alt+N", "Next chat with unread messages", "Alt+M", "Alt+C", "Alt+F");
    }

    @Test
    void nextUnreadSkipsAnsweredChatsAndWrapsAround() {
        long first = inbox.newChat(telegram, "First Client");
        long answered = inbox.newChat(telegram, "Answered Client");
        long third = inbox.newChat(telegram, "Third Client");
        signInAndOpenApp(anna);
        service.reply(answered, "Done", null, java.util.List.of());
        open("chats/" + third);
        ChatsView view = (ChatsView) getCurrentView();

        fireShortcut(Key.KEY_N, KeyModifier.ALT);
        assertThat(view.window.conversationId()).isEqualTo(first);
        fireShortcut(Key.KEY_N, KeyModifier.ALT);
        assertThat(view.window.conversationId()).isEqualTo(third);
    }

    @Test
    void noteModeAndCloseApplyToTheOpenChat() {
        long chat = inbox.newChat(telegram, "Olena Bondar");
        signInAndOpenApp(anna);
        open("chats/" + chat);
        ChatsView view = (ChatsView) getCurrentView();

        fireShortcut(Key.KEY_M, KeyModifier.ALT);
        assertThat(view.window.composer.isNoteMode()).isTrue();
        fireShortcut(Key.KEY_M, KeyModifier.ALT);
        assertThat(view.window.composer.isNoteMode()).isFalse();

        fireShortcut(Key.KEY_C, KeyModifier.ALT);
        assertThat(service.get(chat).state()).isEqualTo(ConversationState.CLOSED);
    }
}
