package com.omnichat.chat;

import com.omnichat.channel.ChannelService;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.MailThread;
import com.omnichat.channel.OutboundMessage;
import com.omnichat.channel.OutboundSource;
import com.omnichat.channel.TemplateSend;
import com.omnichat.customer.ClientIdentities;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** What the delivery worker sends for a manager's message: recipient, text, quoted message, files. */
@Component
class OutboundMessages implements OutboundSource {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ClientIdentities identities;
    private final ChannelService channels;

    OutboundMessages(JdbcClient jdbc, JsonMapper json, ClientIdentities identities, ChannelService channels) {
        this.jdbc = jdbc;
        this.json = json;
        this.identities = identities;
        this.channels = channels;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OutboundMessage> outbound(long messageId) {
        List<OutboundMessage.OutboundFile> files = jdbc.sql("""
                        select a.file_name, a.content_type, f.content from attachment a join stored_file f on f.id = a.file_id
                        where a.message_id = ? order by a.id""")
                .param(messageId)
                .query((rs, n) -> new OutboundMessage.OutboundFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .list();
        return jdbc.sql("""
                        select m.id, m.channel_id, c.identity_id, m.body, r.external_id, m.origin,
                               (select max(d.created_at) from message d where d.conversation_id = m.conversation_id
                                  and d.kind = 'CLIENT' and d.origin is distinct from 'COMMENT'
                                  and d.origin is distinct from 'COMMENT_REPLY' and d.origin is distinct from 'AD_COMMENT'
                                  and d.origin is distinct from 'MENTION_COMMENT' and d.origin is distinct from 'MENTION_POST'),
                               m.conversation_id, c.subject, m.template
                        from message m
                        join conversation c on c.id = m.conversation_id
                        left join message r on r.id = m.reply_to_id
                        where m.id = ? and m.kind = 'MANAGER'""")
                .param(messageId)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
                        rs.getLong(8),
                        rs.getString(9),
                        rs.getString(10)))
                .optional()
                // The recipient is the customer module's, the channel's kind the channel module's.
                .flatMap(m -> identities.externalUserId(m.identityId()).map(recipient -> {
                    boolean mail = channels.find(m.channelId())
                            .map(c -> c.type() == ChannelType.EMAIL)
                            .orElse(false);
                    return new OutboundMessage(
                            m.id(),
                            m.channelId(),
                            recipient,
                            m.body(),
                            m.replyToExternalId(),
                            files,
                            route(m.origin()),
                            m.lastClientMessageAt(),
                            mail ? thread(m.conversationId(), m.id(), m.subject()) : null,
                            template(m.template()));
                }));
    }

    private record Row(
            long id,
            long channelId,
            long identityId,
            @Nullable String body,
            @Nullable String replyToExternalId,
            @Nullable String origin,
            java.time.@Nullable Instant lastClientMessageAt,
            long conversationId,
            @Nullable String subject,
            @Nullable String template) {}

    /** The template a stored message was sent as (see {@link TemplateReplies}). */
    private @Nullable TemplateSend template(@Nullable String stored) {
        return stored == null ? null : json.readValue(stored, TemplateSend.class);
    }

    private static OutboundMessage.Route route(String origin) {
        return "COMMENT_ANSWER".equals(origin)
                ? OutboundMessage.Route.COMMENT
                : "PRIVATE_REPLY".equals(origin) ? OutboundMessage.Route.PRIVATE_REPLY : OutboundMessage.Route.DIRECT;
    }

    /** An e-mail's thread: the chat's subject and the Message-IDs before this message, oldest first. */
    private MailThread thread(long conversationId, long messageId, @Nullable String subject) {
        List<String> ids = jdbc.sql("""
                        select external_id from message
                        where conversation_id = ? and id < ? and kind in ('CLIENT', 'MANAGER') and not automatic
                              and external_id is not null
                        order by id""")
                .params(conversationId, messageId)
                .query(String.class)
                .list();
        return new MailThread(subject, ids);
    }
}
