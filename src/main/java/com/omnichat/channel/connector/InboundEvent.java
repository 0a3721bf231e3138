package com.omnichat.channel.connector;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.omnichat.channel.ClientProfile;
import com.omnichat.channel.ClientState;
import com.omnichat.channel.InboundMessage;
import com.omnichat.channel.MailDetails;

/** What a provider event means for Omnichat, independent of the provider. */
public sealed interface InboundEvent {

    /**
     * A client message; it is stored at once, its photos and files are downloaded in the
     * background. {@code quote} is the replied-to message as the payload describes it (shown
     * when the original is not stored here).
     */
    record ClientMessage(ClientProfile from, String externalMessageId, @Nullable String text, List<MediaRef> media,
                         @Nullable String replyToExternalId, Instant sentAt, InboundMessage.@Nullable ReplyQuote quote,
                         @Nullable MailDetails mail)
            implements InboundEvent {

        public ClientMessage {
            media = List.copyOf(media);
        }

        public ClientMessage(ClientProfile from, String externalMessageId, @Nullable String text, List<MediaRef> media,
                             @Nullable String replyToExternalId, Instant sentAt, InboundMessage.@Nullable ReplyQuote quote) {
            this(from, externalMessageId, text, media, replyToExternalId, sentAt, quote, null);
        }

        public ClientMessage(ClientProfile from, String externalMessageId, @Nullable String text, List<MediaRef> media,
                             @Nullable String replyToExternalId, Instant sentAt) {
            this(from, externalMessageId, text, media, replyToExternalId, sentAt, null);
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
