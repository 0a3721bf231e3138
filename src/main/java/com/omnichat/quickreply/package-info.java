/**
 * Quick replies: shared templates (administrators) and personal ones (their owner), search
 * for the composer's picker, usage counting and filling of variables such as
 * {@code {client_name}}. Knows nothing about chats: callers pass the values to fill in.
 */
@NullMarked
package com.omnichat.quickreply;

import org.jspecify.annotations.NullMarked;
