/**
 * Sales: requests (deals) along a configurable pipeline, orders with their lines, and the
 * product catalogue. Knows clients (customer) and channels, never chats: a request or order
 * keeps its source chat as a plain id, publishes {@link com.omnichat.sales.RequestCreated} /
 * {@link com.omnichat.sales.OrderCreated} for the chat to note, and asks the chat module
 * through {@link com.omnichat.sales.SourceChats} whether a chat belongs to a client.
 */
@NullMarked
package com.omnichat.sales;

import org.jspecify.annotations.NullMarked;
