package com.omnichat.quickreply;

import org.jspecify.annotations.Nullable;

/** The values a template's variables are filled with; {@code orderNumber} is null when the client has no order. */
public record Variables(
        String clientName, String managerName, @Nullable String orderNumber) {}
