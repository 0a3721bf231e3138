package com.omnichat.chat.ui;

import com.omnichat.base.ui.UserMenuEntry;
import com.omnichat.channel.ChannelService;
import com.omnichat.channel.ChannelType;
import com.omnichat.chat.ChatNotifications;
import com.omnichat.chat.InboxService;
import com.omnichat.user.UserService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** What the chats add to the user menu: their personal settings. */
@Configuration(proxyBeanMethods = false)
class ChatMenuEntries {

    /** "Notifications…", for users who work with at least one channel. */
    @Bean
    @Order(10)
    UserMenuEntry notificationsMenuEntry(ChatNotifications notifications, InboxService inbox) {
        return UserMenuEntry.of(
                "notify.menu", inbox::hasAnyChannel, () -> new NotificationSettingsDialog(notifications).open());
    }

    /** "E-mail signature…", for users who answer at least one e-mail channel. */
    @Bean
    @Order(20)
    UserMenuEntry signatureMenuEntry(UserService users, ChannelService channels) {
        return UserMenuEntry.of(
                "signature.menu",
                () -> channels.myChannels().stream().anyMatch(c -> c.type() == ChannelType.EMAIL),
                () -> new SignatureDialog(users).open());
    }
}
