/**
 * The chats page: the list, the chat window, the composer and the live notices.
 */
@NullMarked
package com.omnichat.chat.ui;

import org.jspecify.annotations.NullMarked;
