package com.omnichat.chat;

import java.time.Instant;

/** A position in the chat list: the list is ordered by (sortAt, id) descending. */
public record ChatCursor(Instant sortAt, long id) {}
