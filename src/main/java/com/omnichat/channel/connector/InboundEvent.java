package com.omnichat.channel.connector;

import com.omnichat.channel.ClientProfile;
import com.omnichat.channel.ClientState;
import com.omnichat.channel.InboundMessage;
import com.omnichat.channel.MailDetails;
import com.omnichat.channel.MessageOrigin;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a provider event means for Omnichat, independent of the provider. */
public sealed interface InboundEvent {

    /**
     * A client message; it is stored at once, its photos and files are downloaded in the
     * background. {@code quote} is the replied-to message as the payload describes it (shown
     * when the original is not stored here).
     */
    record ClientMessage(
            ClientProfile from,
            String externalMessageId,
            @Nullable String text,
            List<MediaRef> media,
            @Nullable String replyToExternalId,
            Instant sentAt,
            InboundMessage.@Nullable ReplyQuote quote,
            @Nullable MailDetails mail)
            implements InboundEvent {

        public ClientMessage {
            media = List.copyOf(media);
        }

        public ClientMessage(
                ClientProfile from,
                String externalMessageId,
                @Nullable String text,
                List<MediaRef> media,
                @Nullable String replyToExternalId,
                Instant sentAt,
                InboundMessage.@Nullable ReplyQuote quote) {
            this(from, externalMessageId, text, media, replyToExternalId, sentAt, quote, null);
        }

        public ClientMessage(
                ClientProfile from,
                String externalMessageId,
                @Nullable String text,
                List<MediaRef> media,
                @Nullable String replyToExternalId,
                Instant sentAt) {
            this(from, externalMessageId, text, media, replyToExternalId, sentAt, null);
        }
    }

    /** The client changed the text of a message he sent. */
    record MessageEdited(String externalMessageId, @Nullable String text) implements InboundEvent {}

    /** The provider reports on a manager's message (by the provider's message id). */
    record StatusUpdate(
            String externalMessageId,
            Status status,
            @Nullable String reason) implements InboundEvent {

        public enum Status {
            DELIVERED,
            READ,
            FAILED
        }
    }

    /** The client blocked/unblocked the bot or (un)subscribed. */
    record ClientStateChange(String externalUserId, ClientState state) implements InboundEvent {}

    /**
     * The client reacted to a message (his own or a manager's, by the provider's id) with an
     * emoji, or took his reaction back ({@code removed}, emoji possibly unknown).
     */
    record Reaction(String externalMessageId, @Nullable String emoji, boolean removed) implements InboundEvent {}

    /** The client deleted (unsent) a message he had sent: it stays for the staff, marked deleted. */
    record MessageDeleted(String externalMessageId) implements InboundEvent {}

    /**
     * A message the shop sent to the client from the provider's own app (the Instagram app,
     * the Page inbox): stored as a manager message marked as sent from {@code app}. The echo of
     * a message Omnichat sent itself carries that message's provider id and is not stored again.
     */
    record Echo(
            ClientProfile to,
            String externalMessageId,
            @Nullable String text,
            List<MediaRef> media,
            @Nullable String replyToExternalId,
            Instant sentAt,
            String app)
            implements InboundEvent {

        public Echo {
            media = List.copyOf(media);
        }
    }

    /**
     * The client's app delivered or showed every manager message up to a point: up to
     * {@code upTo} (Messenger's watermark) and/or up to and including the message
     * {@code upToExternalId} (Instagram's read mid). Every earlier manager message in the
     * client's chat on this channel becomes DELIVERED or READ.
     */
    record Watermark(
            String externalUserId,
            StatusUpdate.Status status,
            @Nullable Instant upTo,
            @Nullable String upToExternalId) implements InboundEvent {}

    /** A client message that came from elsewhere than the direct chat: a comment, a story reply, a share. */
    record OriginMessage(ClientMessage message, MessageOrigin origin) implements InboundEvent {}
}
