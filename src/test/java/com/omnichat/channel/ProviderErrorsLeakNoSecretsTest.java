package com.omnichat.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.omnichat.base.SystemAccess;
import com.omnichat.base.UserFacingException;
import com.omnichat.channel.internal.Poller;
import com.omnichat.channel.internal.ProfileRefresher;
import com.omnichat.chat.DeliveryStatus;
import com.omnichat.chat.InboxService;
import com.omnichat.chat.MessageView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The provider is down, then answers errors, until a reply fails for good: the bot tokens
 * (which Telegram puts into every request URL) appear nowhere — not in any column of any
 * table, not in the log, not in what the chat shows the managers. The provider's own error
 * description is kept.
 */
class ProviderErrorsLeakNoSecretsTest extends ConnectorTest {

    /** Shaped like a real Bot API token (a bare token is recognised too, not only in /bot URLs). */
    static final String POLLING_TOKEN = "7000002:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

    @Autowired
    InboxService inboxService;

    @Autowired
    Poller poller;

    @Autowired
    ProfileRefresher profiles;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Logger root;

    @BeforeEach
    void captureLogs() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void stopCapturing() {
        root.detachAppender(logs);
    }

    @Test
    void theTokensAppearNowhereWhileTheProviderIsDownAndAReplyFailsForGood() throws Exception {
        ChannelDetails channel = connectTelegram(ChannelMode.WEBHOOK);
        ChannelDetails polling = SystemAccess.call(() -> administration.save(new ChannelDraft(
                null,
                ChannelType.TELEGRAM,
                "Telegram · polling",
                ChannelMode.POLLING,
                Map.of("botToken", POLLING_TOKEN),
                Map.of(),
                true)));
        ChannelDetails viberChannel = connectViber(Map.of());
        telegramWebhook(channel, fixture("telegram_update_text.json"), webhookSecret(channel));
        long chat = jdbc.sql("select id from conversation").query(Long.class).single();
        staff.signInAs(anna);

        // A proxy in front of Telegram answers garbage first.
        telegram.script("sendMessage", 502, "<html><body>502 Bad Gateway</body></html>");
        long reply = inboxService.reply(chat, "Yes, we have peonies.", null, List.of());
        worker.drain();
        assertThat(queue("last_error", reply)).isEqualTo("Unexpected answer from Telegram");

        // Then Telegram cannot be reached at all, for every kind of call.
        telegram.down();
        viber.down();
        for (int attempt = 0; attempt < 3; attempt++) {
            dueNow();
            worker.drain();
        }
        assertThat(queue("last_error", reply)).startsWith("Telegram unreachable");
        var telegramCheck = SystemAccess.call(() -> administration.checkConnection(channel.id()));
        assertThat(telegramCheck.ok()).isFalse();
        assertThat(telegramCheck.error()).contains("Telegram unreachable");
        assertThat(SystemAccess.call(() -> administration.checkConnection(viberChannel.id()))
                        .error())
                .contains("Viber unreachable");
        assertThatThrownBy(() -> SystemAccess.call(() -> administration.registerWebhook(channel.id())))
                .isInstanceOfSatisfying(
                        UserFacingException.class,
                        e -> assertThat(List.of(e.args()).toString())
                                .contains("Telegram unreachable")
                                .doesNotContain(TELEGRAM_TOKEN));
        poller.pollOnce(polling.id(), Duration.ZERO);
        assertThat(SystemAccess.call(() -> administration.get(polling.id()))
                        .runtime()
                        .lastError())
                .contains("Telegram unreachable");
        profiles.refresh(10);
        telegramWebhook(channel, """
                {"update_id":10003,"message":{"message_id":1400,"date":1441645532,
                 "chat":{"id":1111111,"type":"private","first_name":"Olena"},"caption":"Like this one?",
                 "photo":[{"file_id":"AgAD-big","file_unique_id":"b","width":800,"height":800,"file_size":68}]}}""", webhookSecret(channel));
        await(
                "the photo's download tried",
                () -> count("select count(*) from inbound_event where status = 'PENDING' and error is null") == 0);

        // Back, but the client blocked the bot; the answer even echoes the request (as a proxy might).
        telegram.up();
        telegram.script("sendMessage", 403, """
                {"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user (POST /bot%s/sendMessage)"}""".formatted(TELEGRAM_TOKEN));
        dueNow();
        worker.drain();

        MessageView failed = inboxService.message(chat, reply);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.failureReason())
                .startsWith("Forbidden: bot was blocked by the user")
                .contains("/bot***/");
        List<MessageView> shown = inboxService.history(chat, null, 50);
        assertThat(shown.getLast().systemCode()).isEqualTo("delivery-failed");
        assertThat(shown.toString()).contains("Forbidden: bot was blocked by the user");

        for (String secret : List.of(TELEGRAM_TOKEN, POLLING_TOKEN, "AAE-test-token", VIBER_TOKEN)) {
            assertThat(shown.toString()).as("chat texts").doesNotContain(secret);
            assertThat(columnsContaining(secret))
                    .as("database columns containing %s", secret)
                    .isEmpty();
            assertThat(logText()).as("log").doesNotContain(secret);
        }
        assertThat(logText()).as("the failures were logged").contains("Telegram unreachable");
    }

    private void dueNow() {
        jdbc.sql("update outbound_message set next_attempt_at = now()").update();
    }

    private String queue(String column, long messageId) {
        return text("select " + column + " from outbound_message where message_id = ?", messageId);
    }

    /** Every text, varchar, json and bytea column of every table that holds the value anywhere. */
    private List<String> columnsContaining(String value) {
        List<String> found = new ArrayList<>();
        var columns = jdbc.sql("""
                        select table_schema, table_name, column_name, data_type from information_schema.columns
                        where table_schema not in ('pg_catalog', 'information_schema')
                          and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')""")
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        assertThat(columns).as("columns scanned").hasSizeGreaterThan(50);
        for (List<String> c : columns) {
            String column = "\"" + c.get(2) + "\"";
            // bytea as text: printable bytes stay as they are, so an ASCII token would show.
            String asText = c.get(3).equals("bytea") ? "encode(" + column + ", 'escape')" : column + "::text";
            int rows = jdbc.sql("select count(*) from \"" + c.get(0) + "\".\"" + c.get(1) + "\" where strpos(" + asText
                            + ", ?) > 0")
                    .param(value)
                    .query(Integer.class)
                    .single();
            if (rows > 0) {
                found.add(c.get(1) + "." + c.get(2));
            }
        }
        return found;
    }

    private String logText() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : List.copyOf(logs.list)) {
            text.append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                text.append(ThrowableProxyUtil.asString(event.getThrowableProxy()))
                        .append('\n');
            }
        }
        return text.toString();
    }
}
