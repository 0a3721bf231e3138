package com.omnichat.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.base.SystemAccess;
import com.omnichat.channel.internal.MediaDownloadWorker;
import com.omnichat.chat.InboxFixtures;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Telegram calls the webhook: authenticity first (secret_token header), the raw update is
 * stored before the answer, the message lands in the inbox once, however often it comes.
 */
class TelegramWebhookTest extends ConnectorTest {

    @Autowired
    MediaDownloadWorker downloads;

    @Autowired
    com.omnichat.chat.InboxService inboxService;

    ChannelDetails channel;

    @BeforeEach
    void telegramBotConnected() {
        channel = connectTelegram(ChannelMode.WEBHOOK);
    }

    @Test
    void anUpdateBecomesAMessageInTheInbox() throws Exception {
        var answer = telegramWebhook(channel, fixture("telegram_update_text.json"), webhookSecret(channel));

        assertThat(answer.getResponse().getStatus()).isEqualTo(200);
        assertThat(text("select body from message where channel_id = ? and kind = 'CLIENT'", channel.id()))
                .isEqualTo("/start");
        assertThat(text("select client_name from conversation where channel_id = ?", channel.id()))
                .isEqualTo("Test Firstname Test Lastname");
        assertThat(text("select client_nickname from conversation where channel_id = ?", channel.id()))
                .isEqualTo("Testusername");
        assertThat(text("select external_id from message where channel_id = ?", channel.id()))
                .isEqualTo("1111111:1365");
        assertThat(text("select status from inbound_event where channel_id = ?", channel.id()))
                .isEqualTo("DONE");
    }

    @Test
    void theSameUpdateTwiceOrConcurrentlyIsOneMessage() throws Exception {
        String body = fixture("telegram_update_text.json");
        String secret = webhookSecret(channel);

        telegramWebhook(channel, body, secret);
        List<Integer> statuses = InboxFixtures.concurrently(
                () -> telegramWebhook(channel, body, secret).getResponse().getStatus(),
                () -> telegramWebhook(channel, body, secret).getResponse().getStatus(),
                () -> telegramWebhook(channel, body, secret).getResponse().getStatus());

        assertThat(statuses).containsOnly(200);
        assertThat(count("select count(*) from message where channel_id = ? and kind = 'CLIENT'", channel.id()))
                .isEqualTo(1);
        assertThat(count("select unread_count from conversation where channel_id = ?", channel.id()))
                .isEqualTo(1);
        assertThat(count("select count(*) from inbound_event where channel_id = ?", channel.id()))
                .isEqualTo(1);
    }

    @Test
    void aForgedOrMissingSecretIsRejectedAndNothingIsStored() throws Exception {
        String body = fixture("telegram_update_text.json");

        assertThat(telegramWebhook(channel, body, "guessed-secret")
                        .getResponse()
                        .getStatus())
                .isEqualTo(401);
        assertThat(telegramWebhook(channel, body, null).getResponse().getStatus())
                .isEqualTo(401);

        assertThat(inbox.countRows("inbound_event")).isZero();
        assertThat(inbox.countRows("message")).isZero();
    }

    @Test
    void anUnknownChannelKeyIsNotFound() throws Exception {
        var answer = http.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/webhooks/telegram/no-such-key")
                        .content("{}"))
                .andReturn();

        assertThat(answer.getResponse().getStatus()).isEqualTo(404);
        assertThat(inbox.countRows("inbound_event")).isZero();
    }

    @Test
    void anUnparseableBodyIsAcknowledgedStoredOnceAndKeptAsFailedForTheAdministrators() throws Exception {
        // Authentic, so it is Telegram's own: anything but 2xx would make it redeliver the body forever.
        var answer = telegramWebhook(channel, "{\"update_id\": oops", webhookSecret(channel));
        var redelivered = telegramWebhook(channel, "{\"update_id\": oops", webhookSecret(channel));

        assertThat(answer.getResponse().getStatus()).isEqualTo(200);
        assertThat(redelivered.getResponse().getStatus()).isEqualTo(200);
        var failed = SystemAccess.call(() -> administration.failedEvents(channel.id(), 10));
        assertThat(failed).singleElement().satisfies(event -> {
            assertThat(event.body()).isEqualTo("{\"update_id\": oops");
            assertThat(event.error()).contains("Not JSON");
        });
        assertThat(SystemAccess.call(() -> administration.get(channel.id()))
                        .runtime()
                        .failedEvents())
                .isEqualTo(1);
        assertThat(inbox.countRows("message")).isZero();
        // Another broken body is another failed event.
        telegramWebhook(channel, "{\"update_id\": oops2", webhookSecret(channel));
        assertThat(SystemAccess.call(() -> administration.failedEvents(channel.id(), 10)))
                .hasSize(2);
    }

    @Test
    void aRetriedUnparseableEventFailsAgainAndARedeliveryMeanwhileIsStillStoredOnce() throws Exception {
        telegramWebhook(channel, "{\"update_id\": oops", webhookSecret(channel));
        long id = SystemAccess.call(() -> administration.failedEvents(channel.id(), 10))
                .getFirst()
                .id();

        SystemAccess.run(() -> administration.retryEvent(channel.id(), id));
        assertThat(telegramWebhook(channel, "{\"update_id\": oops", webhookSecret(channel))
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        inboundEvents.retryPending();

        assertThat(SystemAccess.call(() -> administration.failedEvents(channel.id(), 10)))
                .singleElement()
                .satisfies(event -> assertThat(event.id()).isEqualTo(id));
        assertThat(inbox.countRows("inbound_event")).isEqualTo(1);
    }

    @Test
    void anEventGivenUpOnIsStoredWhenTheAdministratorRetriesItAfterTheFix() throws Exception {
        // Storing messages fails for a while (a bug, a full disk): the event is kept and retried, then given up on.
        jdbc.sql("""
                create or replace function refuse_messages() returns trigger language plpgsql as $$
                begin raise exception 'simulated outage'; end $$""").update();
        jdbc.sql(
                        "create trigger refuse_messages before insert on message for each row execute function refuse_messages()")
                .update();
        try {
            assertThat(telegramWebhook(channel, fixture("telegram_update_text.json"), webhookSecret(channel))
                            .getResponse()
                            .getStatus())
                    .isEqualTo(200);
            for (int i = 0; i < 20 && count("select count(*) from inbound_event where status = 'PENDING'") > 0; i++) {
                jdbc.sql("update inbound_event set next_attempt_at = now()").update();
                inboundEvents.retryPending();
            }
        } finally {
            jdbc.sql("drop trigger refuse_messages on message").update();
            jdbc.sql("drop function refuse_messages()").update();
        }
        var failed = SystemAccess.call(() -> administration.failedEvents(channel.id(), 10));
        assertThat(failed).singleElement().satisfies(e -> assertThat(e.error()).startsWith("Gave up after"));
        assertThat(inbox.countRows("message")).isZero();

        SystemAccess.run(
                () -> administration.retryEvent(channel.id(), failed.getFirst().id()));
        inboundEvents.retryPending();

        assertThat(jdbc.sql("select body from message where kind = 'CLIENT'")
                        .query(String.class)
                        .list())
                .containsExactly("/start");
        assertThat(SystemAccess.call(() -> administration.failedEvents(channel.id(), 10)))
                .isEmpty();
        assertThat(text("select status from inbound_event")).isEqualTo("DONE");
    }

    @Test
    void aBodyOverTheLimitIsAnswered413() throws Exception {
        String huge = "{\"update_id\":1,\"message\":{\"text\":\"" + "x".repeat(1_100_000) + "\"}}";

        assertThat(telegramWebhook(channel, huge, webhookSecret(channel))
                        .getResponse()
                        .getStatus())
                .isEqualTo(413);
        assertThat(inbox.countRows("inbound_event")).isZero();
    }

    @Test
    void aDatabaseFailureWhileProcessingLosesNothing() throws Exception {
        // The first insert of a message fails, as a database blip would; the stored event is retried.
        jdbc.sql("create sequence if not exists blip_seq").update();
        jdbc.sql("""
                create or replace function blip() returns trigger language plpgsql as $$
                begin
                  if nextval('blip_seq') = 1 then raise exception 'simulated database blip'; end if;
                  return new;
                end $$""").update();
        jdbc.sql("create trigger blip before insert on message for each row execute function blip()")
                .update();
        try {
            var answer = telegramWebhook(channel, fixture("telegram_update_text.json"), webhookSecret(channel));

            assertThat(answer.getResponse().getStatus()).isEqualTo(200);
            assertThat(inbox.countRows("message")).isZero();
            assertThat(text("select status from inbound_event")).isEqualTo("PENDING");
            assertThat(text("select error from inbound_event")).contains("simulated database blip");

            jdbc.sql("update inbound_event set next_attempt_at = now()").update();
            assertThat(inboundEvents.retryPending()).isEqualTo(1);

            assertThat(count("select count(*) from message where kind = 'CLIENT'"))
                    .isEqualTo(1);
            assertThat(text("select status from inbound_event")).isEqualTo("DONE");
        } finally {
            jdbc.sql("drop trigger if exists blip on message").update();
            jdbc.sql("drop function if exists blip()").update();
            jdbc.sql("drop sequence if exists blip_seq").update();
        }
    }

    @Test
    void anEventThatCannotBeStoredAtAllIsAnswered503SoTelegramRedeliversIt() throws Exception {
        // The database refuses every inbound event, as while it restarts.
        jdbc.sql("""
                create or replace function refuse() returns trigger language plpgsql as $$
                begin raise exception 'database unavailable'; end $$""").update();
        jdbc.sql("create trigger refuse before insert on inbound_event for each row execute function refuse()")
                .update();
        try {
            var answer = telegramWebhook(channel, fixture("telegram_update_text.json"), webhookSecret(channel));

            assertThat(answer.getResponse().getStatus()).isEqualTo(503);
            assertThat(answer.getResponse().getHeader("Retry-After")).isEqualTo("5");
            assertThat(answer.getResponse().getContentAsString()).doesNotContain("database unavailable");
        } finally {
            jdbc.sql("drop trigger if exists refuse on inbound_event").update();
            jdbc.sql("drop function if exists refuse()").update();
        }
        // The redelivery is stored and shown.
        var redelivered = telegramWebhook(channel, fixture("telegram_update_text.json"), webhookSecret(channel));
        assertThat(redelivered.getResponse().getStatus()).isEqualTo(200);
        assertThat(count("select count(*) from message where kind = 'CLIENT'")).isEqualTo(1);
    }

    @Test
    void anEditedMessageChangesTheStoredTextAndIsMarkedEdited() throws Exception {
        telegramWebhook(channel, fixture("telegram_update_text.json"), webhookSecret(channel));

        telegramWebhook(channel, """
                {"update_id":10001,"edited_message":{"message_id":1365,"date":1441645532,"edit_date":1441645600,
                 "chat":{"id":1111111,"type":"private","first_name":"Test Firstname"},
                 "from":{"id":1111111,"first_name":"Test Firstname"},"text":"/start please"}}""", webhookSecret(channel));

        assertThat(text("select body from message where external_id = '1111111:1365'"))
                .isEqualTo("/start please");
        assertThat(count("select count(*) from message where external_id = '1111111:1365' and edited"))
                .isEqualTo(1);
    }

    @Test
    void aClientWhoBlocksTheBotIsNotedInHisChat() throws Exception {
        telegramWebhook(channel, fixture("telegram_update_text.json"), webhookSecret(channel));

        telegramWebhook(channel, """
                {"update_id":10002,"my_chat_member":{"chat":{"id":1111111,"type":"private","first_name":"Test"},
                 "from":{"id":1111111,"first_name":"Test"},"date":1441645600,
                 "old_chat_member":{"user":{"id":7000001,"is_bot":true,"first_name":"Shop"},"status":"member"},
                 "new_chat_member":{"user":{"id":7000001,"is_bot":true,"first_name":"Shop"},"status":"kicked","until_date":0}}}""", webhookSecret(channel));

        assertThat(text("select system_code from message where kind = 'SYSTEM' order by id desc limit 1"))
                .isEqualTo("client-blocked");
    }

    @Test
    void aPhotoIsDownloadedAndStoredWithTheMessage() throws Exception {
        var answer = telegramWebhook(channel, """
                {"update_id":10003,"message":{"message_id":1400,"date":1441645532,
                 "chat":{"id":1111111,"type":"private","first_name":"Olena"},"from":{"id":1111111,"first_name":"Olena"},
                 "caption":"Like this one?",
                 "photo":[{"file_id":"small","file_unique_id":"s","width":90,"height":90,"file_size":68},
                          {"file_id":"AgAD-big","file_unique_id":"b","width":800,"height":800,"file_size":68}]}}""", webhookSecret(channel));

        assertThat(answer.getResponse().getStatus()).isEqualTo(200);
        assertThat(text("select body from message where kind = 'CLIENT'")).isEqualTo("Like this one?");
        assertThat(text("select status from attachment"))
                .as("shown at once, downloaded after")
                .isEqualTo("PENDING");

        downloads.drain();

        assertThat(text("select status from attachment")).isEqualTo("STORED");
        assertThat(text("select content_type from attachment")).isEqualTo("image/png");
        assertThat(telegram.calls("getFile"))
                .singleElement()
                .satisfies(call -> assertThat(call.body()).contains("\"file_id\":\"AgAD-big\""));
        assertThat(telegram.calls().stream()
                        .filter(c -> c.path().equals("/file/bot" + TELEGRAM_TOKEN + "/photos/file_7.jpg")))
                .hasSize(1);
    }

    @Test
    void aReplyToAMessageNotStoredHereShowsTheQuoteTelegramSentAlong() throws Exception {
        // The client answers a message from before the bot was connected: Telegram sends the original along.
        telegramWebhook(channel, """
                {"update_id":10004,"message":{"message_id":1401,"date":1441645600,
                 "chat":{"id":1111111,"type":"private","first_name":"Olena"},"from":{"id":1111111,"first_name":"Olena"},
                 "reply_to_message":{"message_id":1200,"date":1441640000,
                   "from":{"id":7000001,"is_bot":true,"first_name":"Flower shop","username":"flowershop_bot"},
                   "chat":{"id":1111111,"type":"private","first_name":"Olena"},
                   "text":"Your order 1042 is ready for pickup"},
                 "text":"Can I pick it up tomorrow?"}}""", webhookSecret(channel));
        long chat = jdbc.sql("select id from conversation").query(Long.class).single();
        staff.signInAs(anna);

        var reply = inboxService.history(chat, null, 10).getLast();

        assertThat(reply.body()).isEqualTo("Can I pick it up tomorrow?");
        assertThat(reply.replyTo()).isNotNull();
        assertThat(reply.replyTo().id()).as("no stored original").isNull();
        assertThat(reply.replyTo().authorName()).isEqualTo("Flower shop");
        assertThat(reply.replyTo().excerpt()).isEqualTo("Your order 1042 is ready for pickup");
    }

    @Test
    void aReplyToAStoredMessageQuotesTheStoredOriginal() throws Exception {
        telegramWebhook(channel, fixture("telegram_update_text.json"), webhookSecret(channel));
        telegramWebhook(channel, """
                {"update_id":10005,"message":{"message_id":1366,"date":1441645600,
                 "chat":{"id":1111111,"type":"private","first_name":"Test Firstname"},
                 "from":{"id":1111111,"first_name":"Test Firstname"},
                 "reply_to_message":{"message_id":1365,"date":1441645532,"from":{"id":1111111,"first_name":"Test Firstname"},
                   "chat":{"id":1111111,"type":"private","first_name":"Test Firstname"},"text":"/start"},
                 "text":"again"}}""", webhookSecret(channel));
        long chat = jdbc.sql("select id from conversation").query(Long.class).single();
        staff.signInAs(anna);

        var reply = inboxService.history(chat, null, 10).getLast();

        assertThat(reply.replyTo().id())
                .isEqualTo(jdbc.sql("select id from message where external_id = '1111111:1365'")
                        .query(Long.class)
                        .single());
        assertThat(reply.replyTo().kind()).isEqualTo(com.omnichat.chat.MessageKind.CLIENT);
        assertThat(count("select count(*) from message where quote_text is not null"))
                .isZero();
    }

    @Test
    void registeringTheWebhookSendsTheUrlAndTheSecretToken() {
        String url = SystemAccess.call(() -> administration.registerWebhook(channel.id()));

        assertThat(url).isEqualTo("http://localhost:8080/webhooks/telegram/" + key(channel));
        assertThat(telegram.calls("setWebhook")).singleElement().satisfies(call -> {
            assertThat(call.path()).isEqualTo("/bot" + TELEGRAM_TOKEN + "/setWebhook");
            assertThat(call.body())
                    .contains("\"url\":\"" + url + "\"")
                    .contains("\"secret_token\":\"" + webhookSecret(channel) + "\"");
        });
        assertThat(SystemAccess.call(() -> administration.get(channel.id()))
                        .runtime()
                        .registeredWebhookUrl())
                .isEqualTo(url);
    }

    @Test
    void checkingTheConnectionAsksGetMe() {
        ConnectionCheck check = SystemAccess.call(() -> administration.checkConnection(channel.id()));

        assertThat(check.ok()).isTrue();
        assertThat(check.accountName()).isEqualTo("@flowershop_bot");
    }
}
