package com.omnichat.sales;

import com.omnichat.base.NotFoundException;
import com.omnichat.base.StaffPrincipal;
import com.omnichat.base.UserFacingException;
import com.omnichat.channel.ChannelService;
import com.omnichat.customer.ClientService;
import com.omnichat.customer.ClientSummary;
import com.omnichat.user.StaffMember;
import com.omnichat.user.UserService;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Checks the people and places a request or order names: its client, source chat or channel, and manager. */
@Component
class SalesParties {

    private final ClientService clients;
    private final ChannelService channels;
    private final UserService users;
    private final ObjectProvider<SourceChats> chats;

    SalesParties(ClientService clients, ChannelService channels, UserService users, ObjectProvider<SourceChats> chats) {
        this.clients = clients;
        this.channels = channels;
        this.users = users;
        this.chats = chats;
    }

    /** The client, when the signed-in user can see him (else not found). */
    ClientSummary client(long clientId) {
        return clients.summary(clientId);
    }

    /**
     * Where the request or order comes from: the client's chat (its channel follows), or,
     * without a chat, one of the client's channels the user works with, or nothing.
     */
    Source source(StaffPrincipal user, ClientSummary client, @Nullable Long conversationId, @Nullable Long channelId) {
        if (conversationId != null) {
            SourceChats source = chats.getIfAvailable();
            Long channel = source == null
                    ? null
                    : source.channelOf(conversationId, client.id()).orElse(null);
            if (channel == null || !channels.canAccess(user, channel)) {
                throw new NotFoundException("Chat " + conversationId);
            }
            return new Source(conversationId, channel);
        }
        if (channelId == null) {
            return new Source(null, null);
        }
        if (!client.channelIds().contains(channelId) || !channels.canAccess(user, channelId)) {
            throw new NotFoundException("Channel " + channelId);
        }
        return new Source(null, channelId);
    }

    record Source(@Nullable Long conversationId, @Nullable Long channelId) {}

    /** A responsible manager must be an active staff member (or nobody). */
    void checkResponsible(@Nullable Long userId) {
        if (userId == null) {
            return;
        }
        StaffMember member = users.findById(userId).orElse(null);
        if (member == null || !member.active()) {
            throw new UserFacingException("sales.error.responsible-inactive");
        }
    }

    static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
