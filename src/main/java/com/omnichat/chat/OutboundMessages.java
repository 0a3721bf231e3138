package com.omnichat.chat;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.omnichat.channel.OutboundMessage;
import com.omnichat.channel.OutboundSource;

/** What the delivery worker sends for a manager's message: recipient, text, quoted message, files. */
@Component
class OutboundMessages implements OutboundSource {

    private final JdbcClient jdbc;

    OutboundMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
                        select m.id, m.channel_id, i.external_user_id, m.body, r.external_id, m.template
                        from message m
                        join conversation c on c.id = m.conversation_id
                        join client_identity i on i.id = c.identity_id
                        left join message r on r.id = m.reply_to_id
                        where m.id = ? and m.kind = 'MANAGER'""")
                .param(messageId)
                .query((rs, n) -> new OutboundMessage(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), files, TemplateReplies.read(rs.getString(6))))
                .optional();
    }
}
