package com.omnichat.channel;

import org.jspecify.annotations.Nullable;

/**
 * Contact details a client left himself through a channel, such as the site widget's
 * contacts form (SPI, implemented by the clients module).
 */
public interface ClientContactsSink {

    /**
     * Gives the details to the client behind the channel identity: a phone or e-mail the
     * card does not have yet is filled in, marked unverified (anyone may type anyone's phone
     * into a form), and a name replaces the channel's placeholder.
     * Nothing a manager entered is overwritten. False when the identity does not exist yet
     * (the client has not written): the caller keeps the details and tries again later.
     */
    boolean contactsLeft(long channelId, String externalUserId, ContactDetails contacts);

    record ContactDetails(
            @Nullable String name,
            @Nullable String email,
            @Nullable String phone) {}
}
