/**
 * The inbox: conversations, messages, notes and the audit trail of system messages; the
 * ingestion contract for channel connectors ({@link com.omnichat.chat.MessageIngestion}),
 * the delivery contract ({@link com.omnichat.channel.DeliveryQueue} out,
 * {@link com.omnichat.chat.DeliveryService} back) and live updates across nodes.
 */
@NullMarked
package com.omnichat.chat;

import org.jspecify.annotations.NullMarked;
