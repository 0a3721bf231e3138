package com.omnichat.channel.internal;

import com.omnichat.channel.Capability;
import com.omnichat.channel.ChannelMode;
import com.omnichat.channel.ChannelProperties;
import com.omnichat.channel.ClientProfile;
import com.omnichat.channel.InboundAttachment;
import com.omnichat.channel.ProfileSink;
import com.omnichat.channel.connector.ChannelConnector;
import com.omnichat.channel.connector.ChannelConnector.FetchedProfile;
import com.omnichat.channel.connector.ConnectedChannel;
import com.omnichat.channel.connector.MediaPolicy;
import com.omnichat.channel.connector.ProviderErrors;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fetches clients' names, nicknames and photos from the providers: new identities first,
 * then those not refreshed for a day. Photos are downloaded and stored locally.
 */
@Component
public class ProfileRefresher {

    private static final Logger log = LoggerFactory.getLogger(ProfileRefresher.class);
    private static final MediaPolicy PHOTOS = new MediaPolicy(5L * 1024 * 1024);

    private final ChannelDirectory directory;
    private final ConnectorRegistry registry;
    private final ProfileSink sink;
    private final MediaStore media;
    private final TransactionTemplate tx;
    private final Duration maxAge;

    ProfileRefresher(
            ChannelDirectory directory,
            ConnectorRegistry registry,
            ProfileSink sink,
            MediaStore media,
            TransactionTemplate tx,
            ChannelProperties properties) {
        this.directory = directory;
        this.registry = registry;
        this.sink = sink;
        this.media = media;
        this.tx = tx;
        this.maxAge = properties.profiles().maxAge();
    }

    /** Refreshes up to {@code limit} profiles per connected channel; returns how many were refreshed. */
    public int refresh(int limit) {
        int refreshed = 0;
        for (ChannelMode mode : new ChannelMode[] {ChannelMode.WEBHOOK, ChannelMode.POLLING}) {
            for (ConnectedChannel channel : directory.connected(mode)) {
                Optional<ChannelConnector> connector = registry.forChannel(channel)
                        .filter(c -> c.capabilities().contains(Capability.CLIENT_PROFILE));
                if (connector.isPresent()) {
                    refreshed += refresh(channel, connector.get(), limit);
                }
            }
        }
        return refreshed;
    }

    private int refresh(ConnectedChannel channel, ChannelConnector connector, int limit) {
        int refreshed = 0;
        for (String userId : sink.dueForRefresh(channel.id(), Instant.now().minus(maxAge), limit)) {
            try {
                Optional<FetchedProfile> fetched = connector.profile(channel, userId);
                // Downloaded outside the transaction; stored (or reused) with the profile in it.
                InboundAttachment photo =
                        fetched.map(f -> photo(channel, connector, f)).orElse(null);
                tx.executeWithoutResult(s -> sink.refreshed(
                        channel.id(),
                        fetched.map(f -> withPhoto(channel, f.profile(), photo))
                                // Unknown to the provider now (blocked, deleted): only mark it refreshed.
                                .orElse(new ClientProfile(userId, "", null, null))));
                refreshed++;
            } catch (RuntimeException e) {
                log.info(
                        "Profile of {} on channel {} not refreshed: {}",
                        userId,
                        channel.id(),
                        ProviderErrors.describe(e, channel.secrets().values()));
            }
        }
        return refreshed;
    }

    private @Nullable InboundAttachment photo(
            ConnectedChannel channel, ChannelConnector connector, FetchedProfile fetched) {
        if (fetched.photo() == null) {
            return null;
        }
        try {
            InboundAttachment photo = connector.download(channel, fetched.photo(), PHOTOS);
            return photo.isImage() ? photo : null;
        } catch (RuntimeException e) {
            log.info(
                    "Photo of {} not stored: {}",
                    fetched.profile().externalUserId(),
                    ProviderErrors.describe(e, channel.secrets().values()));
            return null;
        }
    }

    /** The profile pointing at the stored photo: the same one when its bytes did not change. */
    private ClientProfile withPhoto(
            ConnectedChannel channel, ClientProfile profile, @Nullable InboundAttachment photo) {
        if (photo == null) {
            return profile;
        }
        String token = media.storePhoto(
                channel.id(), profile.externalUserId(), photo.fileName(), photo.contentType(), photo.content());
        return new ClientProfile(
                profile.externalUserId(), profile.displayName(), profile.nickname(), MediaStore.photoUrl(token));
    }
}
