package com.omnichat.sales;

import org.jspecify.annotations.Nullable;

/** What an order and a request both are: a numbered record of a client, with a manager. */
public interface SalesRecord {

    long id();

    long number();

    long clientId();

    @Nullable
    Long responsibleId();

    @Nullable
    String responsibleName();

    @Nullable
    Long conversationId();

    @Nullable
    Long channelId();

    long version();
}
