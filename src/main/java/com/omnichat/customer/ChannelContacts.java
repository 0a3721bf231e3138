package com.omnichat.customer;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.omnichat.channel.ClientContactsSink;

/**
 * Contacts a client left himself (the widget's form) fill the gaps of his card: never
 * overwriting what a manager entered, and only with a phone that is a valid number
 * (stored in E.164) and an e-mail address of sane shape (stored lower-cased).
 */
@Component
@Transactional
class ChannelContacts implements ClientContactsSink {

    private final JdbcClient jdbc;
    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    ChannelContacts(JdbcClient jdbc, @Value("${omnichat.phone.default-region:UA}") String defaultRegion) {
        this.jdbc = jdbc;
        this.defaultRegion = defaultRegion.strip().toUpperCase(Locale.ROOT);
    }

    @Override
    public boolean contactsLeft(long channelId, String externalUserId, ContactDetails contacts) {
        var identity = jdbc.sql("""
                        select i.id, i.client_id, i.display_name, c.name from client_identity i
                        join client c on c.id = i.client_id where i.channel_id = ? and i.external_user_id = ?""")
                .params(channelId, externalUserId)
                .query((rs, n) -> new Identity(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .optional();
        if (identity.isEmpty()) {
            return false;
        }
        Identity found = identity.get();
        String name = contacts.name() == null || contacts.name().isBlank() ? null : clip(contacts.name().strip());
        // The card still shows the name the channel gave (nobody renamed him): the client's own name wins.
        if (name != null && found.clientName().equals(found.displayName())) {
            jdbc.sql("update client set name = ?, updated_at = now(), version = version + 1 where id = ?")
                    .params(name, found.clientId()).update();
        }
        if (name != null) {
            jdbc.sql("update client_identity set display_name = ? where id = ?").params(name, found.identityId()).update();
        }
        String phone = e164(contacts.phone());
        if (phone != null) {
            jdbc.sql("update client set phone = ?, updated_at = now(), version = version + 1 where id = ? and phone is null")
                    .params(phone, found.clientId()).update();
        }
        String email = contacts.email() == null || contacts.email().isBlank() ? null
                : contacts.email().strip().toLowerCase(Locale.ROOT);
        if (email != null && email.length() <= 254 && email.matches("[^\\s@]+@[^\\s@]+\\.[^\\s@]{2,}")) {
            jdbc.sql("update client set email = ?, updated_at = now(), version = version + 1 where id = ? and email is null")
                    .params(email, found.clientId()).update();
        }
        return true;
    }

    private @Nullable String e164(@Nullable String typed) {
        if (typed == null || typed.isBlank() || typed.length() > 40) {
            return null;
        }
        try {
            var number = phones.parse(typed.strip(), defaultRegion);
            return phones.isValidNumber(number) ? phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    private static String clip(String value) {
        return value.length() <= 200 ? value : value.substring(0, 200);
    }

    private record Identity(long identityId, long clientId, String displayName, String clientName) {
    }
}
