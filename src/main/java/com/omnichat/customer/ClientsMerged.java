package com.omnichat.customer;

/**
 * Published (synchronously, inside the merging transaction) when a lead is linked to a
 * buyer: features holding the lead's id (chats, requests) repoint it to the buyer.
 * {@code conversationId} is the chat the manager linked from, or 0.
 */
public record ClientsMerged(long leadId, long buyerId, long conversationId) {}
