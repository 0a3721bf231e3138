package com.omnichat.channel;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.NotFoundException;
import com.omnichat.base.StaffPrincipal;
import com.omnichat.channel.internal.ConnectorRegistry;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Channels and who may use them. Administrators see every channel; a manager sees the
 * channels granted to him. Connection settings are administered by {@code ChannelAdministration}.
 */
@Service
@Transactional(readOnly = true)
public class ChannelService {

    private final ChannelRepository channels;
    private final ApplicationEventPublisher events;
    private final ConnectorRegistry registry;
    private final Set<Long> existing = ConcurrentHashMap.newKeySet();

    ChannelService(ChannelRepository channels, ApplicationEventPublisher events, ConnectorRegistry registry) {
        this.channels = channels;
        this.events = events;
        this.registry = registry;
    }

    /** Ids of the channels this user may work with (every channel for one who manages channels). */
    public Set<Long> accessibleChannelIds(StaffPrincipal user) {
        if (user.worksInAllChannels()) {
            return Set.copyOf(channels.allIds());
        }
        return Set.copyOf(channels.channelIdsOfUser(user.id()));
    }

    public boolean canAccess(StaffPrincipal user, long channelId) {
        return user.worksInAllChannels()
                ? channels.existsById(channelId)
                : channels.channelIdsOfUser(user.id()).contains(channelId);
    }

    /** The channels the signed-in user may see, by name. */
    public List<ChannelInfo> myChannels() {
        StaffPrincipal user = CurrentStaff.require();
        Set<Long> ids = accessibleChannelIds(user);
        return channels.findAllByOrderByName().stream()
                .map(Channel::toInfo)
                .filter(c -> ids.contains(c.id()))
                .toList();
    }

    /** Channel facts by id, for rendering lists (no access check: callers filter rows first). */
    public Map<Long, ChannelInfo> byIds(Collection<Long> ids) {
        return channels.findAllById(ids).stream()
                .map(Channel::toInfo)
                .collect(Collectors.toMap(ChannelInfo::id, Function.identity()));
    }

    /**
     * Whether the channel exists: asked for every inbound message, so a channel once found is
     * remembered (channels are never deleted; one created on another node is found on the
     * first miss).
     */
    public boolean exists(long id) {
        if (existing.contains(id)) {
            return true;
        }
        boolean exists = channels.existsById(id);
        if (exists) {
            existing.add(id);
        }
        return exists;
    }

    public Optional<ChannelInfo> find(long id) {
        return channels.findById(id).map(Channel::toInfo);
    }

    /** Users who may work with the channel (administrators are implied and not listed). */
    public Set<Long> grantedUsers(long channelId) {
        return channels.findById(channelId).map(c -> Set.copyOf(c.users())).orElse(Set.of());
    }

    /** A channel that is not connected yet (no provider mode): replies to it wait in the queue. */
    @PreAuthorize("hasAuthority('PERM_MANAGE_CHANNELS')")
    @Transactional
    public ChannelInfo create(ChannelType type, String name, Set<Long> userIds) {
        return saveNew(new Channel(type, name), userIds);
    }

    /** A demo channel (demo data, development): no provider, replies are reported sent and delivered. */
    @PreAuthorize("hasAuthority('PERM_MANAGE_CHANNELS')")
    @Transactional
    public ChannelInfo createDemo(ChannelType type, String name, Set<Long> userIds) {
        var channel = new Channel(type, name);
        channel.connect(ChannelMode.DEMO, null, null);
        return saveNew(channel, userIds);
    }

    /** Lets the user work with the channel (no effect for one who already may). */
    @PreAuthorize("hasAuthority('PERM_MANAGE_CHANNELS')")
    @Transactional
    public void grant(long channelId, long userId) {
        Channel channel = channels.findById(channelId).orElseThrow(() -> new NotFoundException("Channel " + channelId));
        if (channel.users().add(userId)) {
            events.publishEvent(new ChannelAccessChanged(channelId));
        }
    }

    /** Takes the channel away from the user (his open views follow the ChannelAccessChanged event). */
    @PreAuthorize("hasAuthority('PERM_MANAGE_CHANNELS')")
    @Transactional
    public void revoke(long channelId, long userId) {
        Channel channel = channels.findById(channelId).orElseThrow(() -> new NotFoundException("Channel " + channelId));
        if (channel.users().remove(userId)) {
            events.publishEvent(new ChannelAccessChanged(channelId));
        }
    }

    /** What the channel's connector can do (empty for a channel type without a connector). */
    public Set<Capability> capabilities(long channelId) {
        return channels.findById(channelId)
                .map(c -> c.mode() == ChannelMode.DEMO
                        ? EnumSet.complementOf(EnumSet.of(
                                Capability.START_BY_PHONE,
                                Capability.START_BY_EMAIL,
                                Capability.START_NEEDS_TEMPLATE,
                                Capability.TEMPLATES))
                        : registry.capabilities(c.type()))
                .orElse(Set.of());
    }

    /** Whether a dialog can be started on this channel with only the client's phone number. */
    public boolean canStartByPhone(long channelId) {
        return capabilities(channelId).contains(Capability.START_BY_PHONE);
    }

    /**
     * The client's id on the channel for a phone number (E.164), for writing first by phone;
     * empty when the channel cannot start a dialog by phone.
     */
    public Optional<String> externalUserIdForPhone(long channelId, String e164Phone) {
        return channels.findById(channelId)
                .flatMap(c -> registry.forType(c.type()))
                .filter(c -> c.capabilities().contains(Capability.START_BY_PHONE))
                .flatMap(c -> c.externalUserIdForPhone(e164Phone));
    }

    /** Stores a new channel with the users who may work with it, and tells who shows channels. */
    private ChannelInfo saveNew(Channel channel, Set<Long> userIds) {
        channel.users().addAll(userIds);
        ChannelInfo created = channels.saveAndFlush(channel).toInfo();
        events.publishEvent(new ChannelAccessChanged(created.id()));
        return created;
    }
}
