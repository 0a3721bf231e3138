package com.omnichat.chat.ui;

import com.omnichat.base.ui.UserMenuEntry;
import com.omnichat.channel.ChannelService;
import com.omnichat.channel.ChannelType;
import com.omnichat.user.UserService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** "E-mail signature…" in the user menu, for users who answer at least one e-mail channel. */
@Component
@Order(20)
class SignatureMenuEntry implements UserMenuEntry {

    private final UserService users;
    private final ChannelService channels;

    SignatureMenuEntry(UserService users, ChannelService channels) {
        this.users = users;
        this.channels = channels;
    }

    @Override
    public String labelKey() {
        return "signature.menu";
    }

    @Override
    public boolean isAvailable() {
        return channels.myChannels().stream().anyMatch(c -> c.type() == ChannelType.EMAIL);
    }

    @Override
    public void select() {
        new SignatureDialog(users).open();
    }
}
