package com.omnichat.customer;

/**
 * A lead was linked to an existing buyer, after {@link ClientsMerged} (so the chats already
 * belong to the buyer): by "Save buyer" finding the same phone or e-mail, or chosen from the
 * list. {@code conversationId} is the chat the manager acted from, or 0.
 */
public record ClientLinkedToBuyer(
        long leadId, long buyerId, String buyerName, long conversationId, LinkReason reason) {}
