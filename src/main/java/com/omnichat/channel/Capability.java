package com.omnichat.channel;

/** What a channel type's connector can do; screens and the write-first dialog ask for these. */
public enum Capability {
    /** The provider calls {@code POST /webhooks/{type}/{key}}. */
    WEBHOOK_RECEIVE,
    /** The connector fetches updates itself (long polling). */
    POLLING_RECEIVE,
    SEND_TEXT,
    /** A reply quotes the client's message at the provider. */
    REPLY,
    SEND_IMAGE,
    SEND_FILE,
    DELIVERY_STATUS,
    READ_STATUS,
    /** Name, nickname and photo can be fetched. */
    CLIENT_PROFILE,
    /** A conversation can be started with a phone number (no earlier message from the client needed). */
    START_BY_PHONE,
    /** Clients can edit sent messages and the connector reports it. */
    EDIT,
    /** A conversation can be started with the e-mail address in the client's card (a new thread, subject asked). */
    START_BY_EMAIL,
    /** Starting a dialog by phone needs an approved template (WhatsApp); free text only once the client answers. */
    START_NEEDS_TEMPLATE,
    /** The provider has approved message templates ({@code ChannelConnector.fetchTemplates}), synced and sendable. */
    TEMPLATES
}
