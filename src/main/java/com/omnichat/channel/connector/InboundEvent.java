package com.omnichat.channel.connector;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.omnichat.channel.ClientProfile;
import com.omnichat.channel.ClientState;

/** What a provider event means for Omnichat, independent of the provider. */
public sealed interface InboundEvent {

    /** A client message; its photos and files are downloaded before it is handed to the inbox. */
    record ClientMessage(ClientProfile from, String externalMessageId, @Nullable String text, List<MediaRef> media,
                         @Nullable String replyToExternalId, Instant sentAt) implements InboundEvent {

        public ClientMessage {
            media = List.copyOf(media);
        }
    }

    /** The client changed the text of a message he sent. */
    record MessageEdited(String externalMessageId, @Nullable String text) implements InboundEvent {
    }

    /** The provider reports on a manager's message (by the provider's message id). */
    record StatusUpdate(String externalMessageId, Status status, @Nullable String reason) implements InboundEvent {

        public enum Status {
            DELIVERED, READ, FAILED
        }
    }

    /** The client blocked/unblocked the bot or (un)subscribed. */
    record ClientStateChange(String externalUserId, ClientState state) implements InboundEvent {
    }
}
