package com.omnichat.channel;

/** The kinds of channels Omnichat connects; each gets a connector with the channels issue. */
public enum ChannelType {
    TELEGRAM("vaadin:paperplane"),
    VIBER("vaadin:phone"),
    INSTAGRAM("vaadin:camera"),
    FACEBOOK("vaadin:facebook-square"),
    WHATSAPP("vaadin:comment-ellipsis"),
    EMAIL("vaadin:envelope"),
    WEBCHAT("vaadin:globe"),
    /** Viber Business Messages by phone number through an aggregator (Infobip). */
    VIBER_BUSINESS("vaadin:mobile");

    private final String icon;

    ChannelType(String icon) {
        this.icon = icon;
    }

    /** A Vaadin icon name ({@code vaadin:...}) for this channel type. */
    public String icon() {
        return icon;
    }
}
