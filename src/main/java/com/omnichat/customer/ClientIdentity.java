package com.omnichat.customer;

import com.omnichat.channel.ChannelInfo;
import org.jspecify.annotations.Nullable;

/** One of the client's identities: who he is on a channel. */
public record ClientIdentity(
        long id,
        ChannelInfo channel,
        @Nullable String displayName,
        @Nullable String nickname) {}
