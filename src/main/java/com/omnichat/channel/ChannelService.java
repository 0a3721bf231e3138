package com.omnichat.channel;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.StaffPrincipal;

/**
 * Channels and who may use them. Administrators see every channel; a manager sees the
 * channels granted to him. The channels administration screen comes with the channels issue.
 */
@Service
@Transactional(readOnly = true)
public class ChannelService {

    private final ChannelRepository channels;
    private final ApplicationEventPublisher events;

    ChannelService(ChannelRepository channels, ApplicationEventPublisher events) {
        this.channels = channels;
        this.events = events;
    }

    /** Ids of the channels this user may work with (every channel for an administrator). */
    public Set<Long> accessibleChannelIds(StaffPrincipal user) {
        if (user.isAdministrator()) {
            return Set.copyOf(channels.allIds());
        }
        return Set.copyOf(channels.channelIdsOfUser(user.id()));
    }

    public boolean canAccess(StaffPrincipal user, long channelId) {
        return user.isAdministrator() ? channels.existsById(channelId)
                : channels.channelIdsOfUser(user.id()).contains(channelId);
    }

    /** The channels the signed-in user may see, by name. */
    public List<ChannelInfo> myChannels() {
        StaffPrincipal user = CurrentStaff.require();
        Set<Long> ids = accessibleChannelIds(user);
        return channels.findAllByOrderByName().stream().map(Channel::toInfo).filter(c -> ids.contains(c.id())).toList();
    }

    /** Channel facts by id, for rendering lists (no access check: callers filter rows first). */
    public Map<Long, ChannelInfo> byIds(Collection<Long> ids) {
        return channels.findAllById(ids).stream().map(Channel::toInfo)
                .collect(Collectors.toMap(ChannelInfo::id, Function.identity()));
    }

    public Optional<ChannelInfo> find(long id) {
        return channels.findById(id).map(Channel::toInfo);
    }

    /** Users who may work with the channel (administrators are implied and not listed). */
    public Set<Long> grantedUsers(long channelId) {
        return channels.findById(channelId).map(c -> Set.copyOf(c.users())).orElse(Set.of());
    }

    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Transactional
    public ChannelInfo create(ChannelType type, String name, Set<Long> userIds) {
        var channel = new Channel(type, name);
        channel.users().addAll(userIds);
        ChannelInfo created = channels.saveAndFlush(channel).toInfo();
        events.publishEvent(new ChannelAccessChanged(created.id()));
        return created;
    }
}
