package com.omnichat.channel;

/** How a channel receives: the provider calls us, we poll it, or a demo channel without a provider. */
public enum ChannelMode {
    WEBHOOK,
    POLLING,
    /** No provider behind it (demo data, development): replies are reported sent and delivered at once. */
    DEMO
}
