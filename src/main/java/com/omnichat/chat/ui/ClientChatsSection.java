package com.omnichat.chat.ui;

import com.omnichat.chat.ConversationState;
import com.omnichat.chat.ConversationSummary;
import com.omnichat.chat.InboxService;
import com.omnichat.customer.ui.ClientCardContext;
import com.omnichat.customer.ui.ClientCardSection;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * "His chats" on the card: the client's chats the user may see (channel, last message time),
 * each opening {@code /chats/{id}}. On a buyer's card, and on any card outside the chats page;
 * beside a lead's only chat it would only repeat that chat.
 */
@Component
class ClientChatsSection implements ClientCardSection {

    static final int ORDER = 10;

    private final InboxService inbox;

    ClientChatsSection(InboxService inbox) {
        this.inbox = inbox;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public boolean appliesTo(ClientCardContext context) {
        return context.client().buyer() || context.conversationId() == null;
    }

    @Override
    public com.vaadin.flow.component.Component create(ClientCardContext context) {
        List<ConversationSummary> chats = inbox.chatsOf(context.client().id());
        var section = new Div(new H4(UI.getCurrent().getTranslation("client.chats")));
        section.addClassNames("client-card-section", "client-chats");
        TimeFormat time = TimeFormat.of(UI.getCurrent());
        for (ConversationSummary chat : chats) {
            var icon = new Icon(chat.channel().type().icon());
            icon.addClassName("client-chat-icon");
            var channel = new Span(chat.channel().name());
            channel.addClassName("client-chat-channel");
            var when = new Span(time.listTime(chat.lastMessageAt() == null ? chat.sortAt() : chat.lastMessageAt()));
            when.addClassName("client-chat-time");
            var preview = new Span(Objects.requireNonNullElse(chat.lastMessagePreview(), ""));
            preview.addClassName("client-chat-preview");
            var text = new Div(channel, preview);
            text.addClassName("client-chat-text");
            var link = new RouterLink(ChatsView.class, new RouteParameters("conversationId", Long.toString(chat.id())));
            link.add(icon, text, when);
            link.addClassName("client-chat");
            if (chat.state() == ConversationState.CLOSED) {
                link.addClassName("closed");
                link.getElement().setAttribute("title", UI.getCurrent().getTranslation("client.chats.closed"));
            }
            if (Objects.equals(chat.id(), context.conversationId())) {
                link.addClassName("current");
                link.getElement().setAttribute("aria-current", "page");
            }
            section.add(link);
        }
        if (chats.isEmpty()) {
            section.add(new Span(UI.getCurrent().getTranslation("client.chats.none")));
        }
        return section;
    }
}
