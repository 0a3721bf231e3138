package com.omnichat.chat;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.StaffPrincipal;
import com.omnichat.channel.ChannelService;
import com.omnichat.chat.ConversationQueries.Row;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * New-message notifications: the signed-in user's settings and whether a chat's new
 * client message concerns him. Settings are read when a message arrives, so a change
 * applies at once in every open tab, on every node.
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class ChatNotifications {

    private final JdbcClient jdbc;
    private final ConversationQueries conversations;
    private final ChannelService channels;

    ChatNotifications(JdbcClient jdbc, ConversationQueries conversations, ChannelService channels) {
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.channels = channels;
    }

    /** The signed-in user's settings, or the defaults while he has not chosen. */
    @Transactional(readOnly = true)
    public NotificationSettings settings() {
        return settingsOf(CurrentStaff.require().id());
    }

    public NotificationSettings save(NotificationSettings settings) {
        Objects.requireNonNull(settings.scope(), "scope");
        jdbc.sql("""
                        insert into notification_settings (user_id, sound, desktop, scope) values (?, ?, ?, ?)
                        on conflict (user_id) do update
                        set sound = excluded.sound, desktop = excluded.desktop, scope = excluded.scope,
                            updated_at = now()""")
                .params(
                        CurrentStaff.require().id(),
                        settings.sound(),
                        settings.desktop(),
                        settings.scope().name())
                .update();
        return settings;
    }

    /**
     * The alert for the chat's newest client message, when it concerns the signed-in user:
     * he may see the channel, the chat is in his scope, and the client's messages are still
     * unanswered (once a manager has replied, there is nothing left to announce).
     */
    @Transactional(readOnly = true)
    public Optional<NewMessageAlert> alertFor(long conversationId) {
        StaffPrincipal user = CurrentStaff.require();
        Row chat = conversations.byId(conversationId);
        if (chat == null || !channels.canAccess(user, chat.channelId()) || chat.unreadCount() == 0) {
            return Optional.empty();
        }
        NotificationSettings settings = settingsOf(user.id());
        if (!inScope(settings.scope(), chat.responsibleId(), user.id())) {
            return Optional.empty();
        }
        // The newest by id is the one just stored, even when a channel delivered it late.
        return jdbc.sql("""
                        select m.body, (select count(*) from attachment a where a.message_id = m.id) as files
                        from message m where m.conversation_id = ? and m.kind = 'CLIENT' order by m.id desc limit 1""")
                .param(conversationId)
                .query((rs, n) -> new NewMessageAlert(
                        chat.id(),
                        chat.clientName(),
                        MessageStore.preview(rs.getString("body"), rs.getInt("files")),
                        settings.sound(),
                        settings.desktop()))
                .optional();
    }

    static boolean inScope(NotificationScope scope, @Nullable Long responsibleId, long userId) {
        boolean mine = responsibleId != null && responsibleId == userId;
        return switch (scope) {
            case MINE -> mine;
            case MINE_AND_UNASSIGNED -> mine || responsibleId == null;
            case ALL -> true;
        };
    }

    private NotificationSettings settingsOf(long userId) {
        return jdbc.sql("select sound, desktop, scope from notification_settings where user_id = ?")
                .param(userId)
                .query((rs, n) -> new NotificationSettings(
                        rs.getBoolean(1), rs.getBoolean(2), NotificationScope.valueOf(rs.getString(3))))
                .optional()
                .orElse(NotificationSettings.DEFAULTS);
    }
}
