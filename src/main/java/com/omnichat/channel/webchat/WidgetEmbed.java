package com.omnichat.channel.webchat;

import com.omnichat.base.OmnichatProperties;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.internal.ChannelDirectory;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The line a shop puts on its pages to show a site chat channel's widget. */
@Component
public class WidgetEmbed {

    /** Stands for this installation's address until OMNICHAT_PUBLIC_URL is set. */
    public static final String PLACEHOLDER_URL = "https://YOUR-OMNICHAT-ADDRESS";

    private final ChannelDirectory channels;
    private final String publicUrl;

    WidgetEmbed(ChannelDirectory channels, OmnichatProperties installation) {
        this.channels = channels;
        this.publicUrl = installation.publicUrl();
    }

    /** The script tag for a site chat channel; empty for other channels. */
    public Optional<String> snippet(long channelId) {
        return channels.byId(channelId)
                .filter(c -> c.type() == ChannelType.WEBCHAT)
                .map(c -> "<script src=\"" + (publicUrl.isBlank() ? PLACEHOLDER_URL : publicUrl)
                        + "/widget/omnichat-widget.js\" data-channel=\"" + c.key() + "\" async></script>");
    }
}
