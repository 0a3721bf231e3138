package com.omnichat.chat;

import com.omnichat.base.SystemAccess;
import com.omnichat.chat.ChatEvent.Type;
import com.omnichat.sales.OrderCreated;
import com.omnichat.sales.RequestCreated;
import com.omnichat.sales.SalesChanged;
import com.omnichat.sales.SourceChats;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The chat's side of sales: answers which chat belongs to which client, and writes "request
 * #N created" / "order #N created" into the chat they came from, in the creating
 * transaction (so the note and the request exist together or not at all), then tells open
 * views that the chat changed.
 */
@Component
class SalesChatBridge implements SourceChats {

    private final ConversationQueries conversations;
    private final MessageStore messages;
    private final ChatUpdates updates;

    SalesChatBridge(ConversationQueries conversations, MessageStore messages, ChatUpdates updates) {
        this.conversations = conversations;
        this.messages = messages;
        this.updates = updates;
    }

    @Override
    public Optional<Long> channelOf(long conversationId, long clientId) {
        ConversationQueries.Row row = conversations.byId(conversationId);
        return row == null || row.clientId() != clientId ? Optional.empty() : Optional.of(row.channelId());
    }

    @EventListener
    void on(RequestCreated event) {
        note(event.conversationId(), event.actorId(), "request-created", event.actorName(), event.number());
    }

    @EventListener
    void on(OrderCreated event) {
        note(event.conversationId(), event.actorId(), "order-created", event.actorName(), event.number());
    }

    /** An edit writes nothing into the chat, but open views of it refresh (the card shows the change). */
    @EventListener
    void on(SalesChanged event) {
        if (event.conversationId() == null) {
            return;
        }
        ConversationQueries.Row chat = conversations.byId(event.conversationId());
        if (chat != null) {
            updates.publish(new ChatEvent(Type.UPDATED, chat.id(), chat.channelId(), null));
        }
    }

    private void note(@Nullable Long conversationId, long actorId, String code, String actorName, long number) {
        if (conversationId == null) {
            return;
        }
        ConversationQueries.Row chat = conversations.byId(conversationId);
        if (chat == null) {
            return;
        }
        Long author = actorId == SystemAccess.SYSTEM_USER_ID ? null : actorId;
        messages.insertSystemMessage(chat.id(), chat.channelId(), author, code, actorName, String.valueOf(number));
        updates.publish(new ChatEvent(Type.UPDATED, chat.id(), chat.channelId(), null));
    }
}
