package com.omnichat.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clients' identities on channels for the other modules, beyond {@link ClientService}: find
 * one, and (for writing first) give a client an identity on a channel that can start a
 * dialog by phone (his id there derived from his phone).
 */
@Service
@Transactional
public class ClientIdentities {

    private static final String SELECT = """
            select i.id, i.client_id, c.name, c.nickname, c.photo_url
            from client_identity i join client c on c.id = i.client_id""";

    private final JdbcClient jdbc;

    ClientIdentities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The client's identity on a channel with this external id (e.g. derived from his phone),
     * created for him when missing. When the id already belongs to another client, that
     * identity is returned: one person, one identity per channel.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ClientIdentityRef identityFor(long clientId, long channelId, String externalUserId) {
        jdbc.sql("""
                        insert into client_identity (client_id, channel_id, external_user_id, display_name, nickname, photo_url)
                        select c.id, ?, ?, c.name, c.nickname, c.photo_url from client c where c.id = ?
                        on conflict (channel_id, external_user_id) do nothing""").params(channelId, externalUserId, clientId).update();
        return find(channelId, externalUserId).orElseThrow();
    }

    /** The identity with this id on the channel, with its client's card name and picture. */
    @Transactional(readOnly = true)
    public Optional<ClientIdentityRef> find(long channelId, String externalUserId) {
        return jdbc.sql(SELECT + " where i.channel_id = ? and i.external_user_id = ?")
                .params(channelId, externalUserId)
                .query(ClientIdentities::ref)
                .optional();
    }

    /** The client's newest identity on the channel. */
    @Transactional(readOnly = true)
    public Optional<ClientIdentityRef> latest(long clientId, long channelId) {
        return jdbc.sql(SELECT + " where i.client_id = ? and i.channel_id = ? order by i.id desc limit 1")
                .params(clientId, channelId)
                .query(ClientIdentities::ref)
                .optional();
    }

    /** The identity's id on its channel (where messages to the client go). */
    @Transactional(readOnly = true)
    public Optional<String> externalUserId(long identityId) {
        return jdbc.sql("select external_user_id from client_identity where id = ?")
                .param(identityId)
                .query(String.class)
                .optional();
    }

    private static ClientIdentityRef ref(ResultSet rs, int n) throws SQLException {
        return new ClientIdentityRef(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }
}
