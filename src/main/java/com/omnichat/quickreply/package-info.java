/**
 * Quick replies: shared templates (administrators) and personal ones (their owner), search
 * for the composer's picker, usage counting and filling of variables such as
 * {@code {client_name}}. Knows nothing about chats: callers pass the client; the latest
 * active order for {@code {order_number}} comes from sales.
 */
@NullMarked
package com.omnichat.quickreply;

import org.jspecify.annotations.NullMarked;
