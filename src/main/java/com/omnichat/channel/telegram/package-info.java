/** The Telegram Bot API connector: webhook or long polling, text, replies, photos, documents, edits. */
@NullMarked
package com.omnichat.channel.telegram;

import org.jspecify.annotations.NullMarked;
