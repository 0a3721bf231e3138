package com.omnichat.channel;

import java.time.Instant;
import java.util.List;

/**
 * Client profiles refreshed from the providers (SPI, implemented by the clients module):
 * which identities are due, and the fresh name, nickname and (locally stored) photo.
 */
public interface ProfileSink {

    /** External user ids on the channel whose profile was not refreshed since {@code before}, oldest first. */
    List<String> dueForRefresh(long channelId, Instant before, int limit);

    /** The provider's current profile; {@code photoUrl} points at a locally stored copy (or is null). */
    void refreshed(long channelId, ClientProfile profile);
}
