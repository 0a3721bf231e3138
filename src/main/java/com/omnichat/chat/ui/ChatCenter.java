package com.omnichat.chat.ui;

import com.omnichat.base.ui.EmptyState;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.jspecify.annotations.Nullable;

/** The middle column of the chats page: the open chat, or what to do when there is none. */
class ChatCenter extends Div {

    /** Shown for a client without a chat (on the channel asked for). */
    @Nullable
    EmptyState noClientChat;

    ChatCenter() {
        addClassName("chat-center");
        showNoChat();
    }

    void show(ChatWindow window) {
        removeAll();
        noClientChat = null;
        add(window);
    }

    /** Nothing open: an invitation to pick a chat. */
    void showNoChat() {
        removeAll();
        noClientChat = null;
        add(new EmptyState(
                VaadinIcon.COMMENTS_O, getTranslation("chats.select.title"), getTranslation("chats.select.text")));
    }

    /** The client has no chat yet (on that channel, when one is named). */
    void showNoClientChat(String clientName, @Nullable String channelName) {
        removeAll();
        noClientChat = new EmptyState(
                VaadinIcon.COMMENT_ELLIPSIS_O,
                getTranslation("chats.client-chat.none.title"),
                channelName == null
                        ? getTranslation("chats.client-chat.none.any", clientName)
                        : getTranslation("chats.client-chat.none", clientName, channelName));
        noClientChat.addClassName("no-client-chat");
        add(noClientChat);
    }
}
