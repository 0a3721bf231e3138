/**
 * Channels (Telegram, Viber, Instagram, ...) and per-user channel access. Connectors for
 * each provider come as sub-packages with the channels issue.
 */
@NullMarked
package com.omnichat.channel;

import org.jspecify.annotations.NullMarked;
