package com.omnichat.customer;

import com.omnichat.base.UserFacingException;
import com.omnichat.channel.ClientContactsSink;
import com.omnichat.customer.ClientUpdated.Change;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts a client left himself (the site widget's form) fill the gaps of his card: never
 * overwriting what a manager entered, and only with a valid phone (stored in E.164) and a
 * valid e-mail address (stored lower-cased). The chats follow like after a card edit.
 * <p>
 * Anyone can type anyone's phone into a form, so such a contact is stored unverified: the
 * card marks it, and it never links the client to a buyer by itself (see
 * {@link ClientCardService#saveAsBuyer}). He may correct it himself while it is unverified;
 * once staff entered or confirmed a contact, it stays as staff left it.
 */
@Component
@Transactional
class ChannelContacts implements ClientContactsSink {

    private final JdbcClient jdbc;
    private final PhoneNumbers phones;
    private final ApplicationEventPublisher events;

    ChannelContacts(JdbcClient jdbc, PhoneNumbers phones, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.phones = phones;
        this.events = events;
    }

    @Override
    public boolean contactsLeft(long channelId, String externalUserId, ContactDetails contacts) {
        var identity = jdbc.sql("""
                        select i.id, i.client_id, i.display_name, c.name from client_identity i
                        join client c on c.id = i.client_id where i.channel_id = ? and i.external_user_id = ?
                        for update of c""")
                .params(channelId, externalUserId)
                .query((rs, n) -> new Identity(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .optional();
        if (identity.isEmpty()) {
            return false;
        }
        Identity found = identity.get();
        String name = contacts.name() == null || contacts.name().isBlank()
                ? null
                : clip(contacts.name().strip().replaceAll("\\s+", " "));
        if (name != null) {
            // Still the name the channel gave (nobody renamed him): the client's own name wins.
            if (found.clientName().equals(found.displayName())
                    && !name.equals(found.clientName())
                    && setName(found.clientId(), name)) {
                events.publishEvent(new ClientUpdated(found.clientId(), 0, Change.NAME, name));
            }
            jdbc.sql("update client_identity set display_name = ? where id = ?")
                    .params(name, found.identityId())
                    .update();
        }
        String phone = valid(() -> phones.normalize(contacts.phone()));
        if (phone != null && setUnverified(found.clientId(), "phone", phone)) {
            events.publishEvent(new ClientUpdated(found.clientId(), 0, Change.PHONE, phone));
        }
        String email = valid(() -> EmailAddresses.normalize(contacts.email()));
        if (email != null && setUnverified(found.clientId(), "email", email)) {
            events.publishEvent(new ClientUpdated(found.clientId(), 0, Change.EMAIL, email));
        }
        return true;
    }

    /** Sets the name; whether it changed. */
    private boolean setName(long clientId, String name) {
        return jdbc.sql("update client set name = ?, updated_at = now(), version = version + 1 where id = ?")
                        .params(name, clientId)
                        .update()
                > 0;
    }

    /**
     * Sets the contact as the client's own (unverified), unless staff entered or confirmed one
     * already; whether it changed.
     */
    private boolean setUnverified(long clientId, String column, String value) {
        // Column names come from this class only, never from input.
        return jdbc.sql("update client set " + column + " = ?, " + column + "_verified = false, updated_at = now(),"
                                + " version = version + 1 where id = ? and (" + column + " is null or (not " + column
                                + "_verified and " + column + " <> ?))")
                        .params(value, clientId, value)
                        .update()
                > 0;
    }

    /** The normalized value, or null when the client typed something invalid (nothing to fill then). */
    private static @Nullable String valid(java.util.function.Supplier<@Nullable String> normalize) {
        try {
            return normalize.get();
        } catch (UserFacingException e) {
            return null;
        }
    }

    private static String clip(String value) {
        return value.length() <= 200 ? value : value.substring(0, 200);
    }

    private record Identity(long identityId, long clientId, String displayName, String clientName) {}
}
