package com.omnichat.channel;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.NotFoundException;
import com.omnichat.base.UserFacingException;
import com.omnichat.channel.connector.ChannelConnector;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.ProviderErrors;
import com.omnichat.channel.internal.ChannelDirectory;
import com.omnichat.channel.internal.ConnectorRegistry;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Hides, shows or deletes a client's comment at the provider (Instagram), for the inbox. The
 * caller (the inbox) checks who may; a provider failure becomes a readable message.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class CommentModeration {

    /** What can be done to a comment. */
    public enum Action {
        HIDE,
        UNHIDE,
        DELETE
    }

    private final ChannelDirectory directory;
    private final ConnectorRegistry registry;
    private final ChannelService channels;

    CommentModeration(ChannelDirectory directory, ConnectorRegistry registry, ChannelService channels) {
        this.directory = directory;
        this.registry = registry;
        this.channels = channels;
    }

    public void moderate(long channelId, String commentId, Action action) {
        if (!channels.canAccess(CurrentStaff.require(), channelId)) {
            throw new AccessDeniedException("No access to channel " + channelId);
        }
        ConnectedChannel channel =
                directory.byId(channelId).orElseThrow(() -> new NotFoundException("Channel " + channelId));
        ChannelConnector connector = registry.forChannel(channel)
                .orElseThrow(() -> new UserFacingException("chat.comment.moderation-failed", "not connected"));
        try {
            connector.moderateComment(channel, commentId, ChannelConnector.CommentAction.valueOf(action.name()));
        } catch (UnsupportedOperationException e) {
            throw new UserFacingException(
                    "chat.comment.moderation-failed", channel.type().name());
        } catch (RuntimeException e) {
            throw new UserFacingException(
                    "chat.comment.moderation-failed",
                    ProviderErrors.describe(e, channel.secrets().values()));
        }
    }
}
