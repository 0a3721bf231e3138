package com.omnichat.customer;

/**
 * A lead became a buyer of his own (no buyer with his phone or e-mail existed). Published
 * inside the transaction; {@code conversationId} is the chat the manager acted from, or 0.
 */
public record ClientSavedAsBuyer(long clientId, long conversationId) {}
