package com.omnichat.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.channel.internal.DeliveryWorker;
import com.omnichat.channel.internal.DeliveryWorkers;
import com.omnichat.chat.DeliveryStatus;
import com.omnichat.chat.InboxFixtures;
import com.omnichat.chat.InboxService;
import com.omnichat.chat.MessageView;
import com.omnichat.chat.OutgoingAttachment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A manager's reply goes through the durable queue to the (fake) Telegram Bot API: sent once,
 * in the documented shape; rate limits, blocked users, dead workers and concurrent workers.
 */
class OutboundDeliveryTest extends ConnectorTest {

    @Autowired
    InboxService inboxService;

    @Autowired
    DeliveryQueue queue;

    ChannelDetails channel;
    long chat;
    long clientMessage;

    @BeforeEach
    void olenaWroteToTheBot() throws Exception {
        channel = connectTelegram(ChannelMode.WEBHOOK);
        telegramWebhook(channel, fixture("telegram_update_text.json"), webhookSecret(channel));
        chat = jdbc.sql("select id from conversation").query(Long.class).single();
        clientMessage = jdbc.sql("select id from message where kind = 'CLIENT'")
                .query(Long.class)
                .single();
        staff.signInAs(anna);
    }

    @Test
    void aReplyIsQueuedSentOnceAndMarkedSent() {
        long reply = inboxService.reply(chat, "Добрий день! Так, є.", clientMessage, List.of());
        assertThat(queue.state(reply)).get().extracting(DeliveryState::status).isEqualTo(DeliveryState.Status.QUEUED);

        assertThat(worker.drain()).isEqualTo(1);
        assertThat(worker.drain()).isZero();

        assertThat(telegram.calls("sendMessage")).singleElement().satisfies(call -> {
            assertThat(call.path()).isEqualTo("/bot" + TELEGRAM_TOKEN + "/sendMessage");
            assertThat(call.body())
                    .contains("\"chat_id\":\"1111111\"")
                    .contains("\"text\":\"Добрий день! Так, є.\"")
                    .contains("\"reply_parameters\":{")
                    .contains("\"message_id\":1365");
        });
        MessageView sent = inboxService.message(chat, reply);
        assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(queue.state(reply).orElseThrow().externalId()).isEqualTo("1111111:" + telegram.lastMessageId());
    }

    @Test
    void aPhotoIsUploadedWithTheTextAsCaption() {
        long reply = inboxService.reply(
                chat,
                "Ось такий букет",
                null,
                List.of(new OutgoingAttachment("bouquet.png", "image/png", FakeTelegram.PNG)));

        worker.drain();

        assertThat(telegram.calls("sendPhoto")).singleElement().satisfies(call -> {
            assertThat(call.header("content-type")).startsWith("multipart/form-data");
            assertThat(call.body())
                    .contains("name=\"chat_id\"")
                    .contains("1111111")
                    .contains("name=\"photo\"; filename=\"bouquet.png\"")
                    .contains("name=\"caption\"")
                    .contains("Ось такий букет");
        });
        assertThat(telegram.calls("sendMessage")).isEmpty();
        assertThat(inboxService.message(chat, reply).status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void tooManyRequestsPausesTheWholeChannelForRetryAfterThenEveryReplyIsDeliveredOnce() throws Exception {
        telegram.script("sendMessage", 429, fixture("telegram_error_429.json"));
        long reply = inboxService.reply(chat, "Yes, we have peonies.", null, List.of());

        worker.drain();

        DeliveryState waiting = queue.state(reply).orElseThrow();
        assertThat(waiting.status()).isEqualTo(DeliveryState.Status.QUEUED);
        assertThat(delaySetAtTheAttempt(reply))
                .as("the provider's retry_after, from the attempt on")
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(waiting.lastError()).contains("Too Many Requests");
        assertThat(inboxService.message(chat, reply).status()).isEqualTo(DeliveryStatus.PENDING);

        // Meanwhile Taras writes and gets a reply: it waits for the pause too.
        telegramWebhook(channel, """
                {"update_id":30001,"message":{"message_id":4001,"date":1441645532,
                 "chat":{"id":2222222,"type":"private","first_name":"Taras"},"text":"Roses?"}}""", webhookSecret(channel));
        long tarasChat = jdbc.sql("select id from conversation where id <> ?")
                .param(chat)
                .query(Long.class)
                .single();
        long tarasReply = inboxService.reply(tarasChat, "Yes, red and white.", null, List.of());
        assertThat(worker.drain()).isZero();
        passes(Duration.ofSeconds(25));
        assertThat(worker.drain()).as("still within the pause").isZero();
        assertThat(telegram.calls("sendMessage")).hasSize(1);
        assertThat(inboxService.message(tarasChat, tarasReply).status()).isEqualTo(DeliveryStatus.PENDING);

        passes(Duration.ofSeconds(6));
        worker.drain();

        assertThat(telegram.calls("sendMessage")).hasSize(3);
        assertThat(inboxService.message(chat, reply).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(inboxService.message(tarasChat, tarasReply).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(worker.drain()).isZero();
    }

    @Test
    void aBlockedUserFailsTheMessageWithTheReasonAndRetrySendsItAgain() {
        telegram.script(
                "sendMessage",
                403,
                "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}");
        long reply = inboxService.reply(chat, "Yes, we have peonies.", null, List.of());

        worker.drain();

        MessageView failed = inboxService.message(chat, reply);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("Forbidden: bot was blocked by the user");
        assertThat(inboxService.history(chat, null, 50).getLast().systemCode()).isEqualTo("delivery-failed");
        assertThat(queue.state(reply).orElseThrow().status()).isEqualTo(DeliveryState.Status.FAILED);

        inboxService.retry(chat, reply);
        worker.drain();

        assertThat(inboxService.message(chat, reply).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(telegram.calls("sendMessage")).hasSize(2);
    }

    @Test
    void aProviderOutageShorterThanTheRetryWindowLosesNoReplyButALongerOneFailsIt() {
        telegram.script("sendMessage", 502, "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}");
        long reply = inboxService.reply(chat, "Yes, we have peonies.", null, List.of());
        // The attempt budget (10) is spent, but the reply was queued only 20 minutes ago (window 2 h).
        jdbc.sql("update outbound_message set attempts = 9, queued_at = now() - interval '20 minutes'")
                .update();

        worker.drain();

        assertThat(queue.state(reply).orElseThrow().status()).isEqualTo(DeliveryState.Status.QUEUED);
        assertThat(inboxService.message(chat, reply).status()).isEqualTo(DeliveryStatus.PENDING);

        // The provider is still down when both budgets are spent: the reply fails, visibly.
        telegram.script("sendMessage", 502, "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}");
        jdbc.sql("update outbound_message set next_attempt_at = now(), queued_at = now() - interval '3 hours'")
                .update();
        worker.drain();

        MessageView failed = inboxService.message(chat, reply);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.failureReason())
                .startsWith("Gave up after 11 attempts")
                .contains("Bad Gateway");
    }

    @Test
    void aServerErrorIsRetriedWithBackoff() {
        telegram.script("sendMessage", 502, "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}");
        long reply = inboxService.reply(chat, "Yes, we have peonies.", null, List.of());

        worker.drain();

        DeliveryState state = queue.state(reply).orElseThrow();
        assertThat(state.status()).isEqualTo(DeliveryState.Status.QUEUED);
        assertThat(state.attempts()).isEqualTo(1);
        // First retry: between half and all of the base delay (2 s) after the attempt.
        assertThat(delaySetAtTheAttempt(reply)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void theBackoffDoublesWithEveryFailedAttemptUpToFiveMinutes() {
        long reply = inboxService.reply(chat, "Yes, we have peonies.", null, List.of());
        // Between half and all of 2 s * 2^(attempt - 1).
        for (int attempt = 1; attempt <= 5; attempt++) {
            telegram.script("sendMessage", 502, "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}");
            jdbc.sql("update outbound_message set next_attempt_at = now()").update();
            worker.drain();

            Duration full = Duration.ofSeconds(2L << (attempt - 1));
            assertThat(queue.state(reply).orElseThrow().attempts()).isEqualTo(attempt);
            assertThat(delaySetAtTheAttempt(reply))
                    .as("after attempt %d", attempt)
                    .isBetween(full.dividedBy(2), full);
        }

        // Far along (still inside the 2 h window): never more than 5 minutes.
        jdbc.sql("update outbound_message set attempts = 30, next_attempt_at = now()")
                .update();
        telegram.script("sendMessage", 502, "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}");
        worker.drain();
        assertThat(delaySetAtTheAttempt(reply)).isBetween(Duration.ofSeconds(150), Duration.ofMinutes(5));
    }

    @Test
    void aMessageClaimedByAWorkerThatDiedIsSentAfterTheLeaseRunsOut() {
        long reply = inboxService.reply(chat, "Yes, we have peonies.", null, List.of());
        List<DeliveryWorker.Claim> claimed = worker.claim(10);
        assertThat(claimed).hasSize(1);
        // ... and the worker dies here. While the lease holds, nobody else takes the row.
        assertThat(worker.drain()).isZero();

        jdbc.sql("update outbound_message set lease_until = now() - interval '1 second'")
                .update();
        assertThat(worker.drain()).isEqualTo(1);

        assertThat(telegram.calls("sendMessage")).hasSize(1);
        assertThat(inboxService.message(chat, reply).status()).isEqualTo(DeliveryStatus.SENT);
        // The dead worker's late report changes nothing: its lease token is gone.
        assertThat(jdbc.sql("update outbound_message set status = 'FAILED' where lease_token = ?")
                        .param(claimed.getFirst().token())
                        .update())
                .isZero();
    }

    @Test
    void concurrentWorkersNeverClaimTheSameRow() throws Exception {
        // 40 replies in 40 chats (rows of one chat are sent in order, one at a time).
        for (int i = 0; i < 40; i++) {
            var client = inbox.newClient("Client " + i, null);
            telegramWebhook(channel, """
                    {"update_id":%d,"message":{"message_id":%d,"date":1441645532,
                     "chat":{"id":%d,"type":"private","first_name":"Client"},"text":"hi"}}""".formatted(20000 + i, 3000 + i, 5000000 + i), webhookSecret(channel));
        }
        List<Long> chats = jdbc.sql("select id from conversation where id <> ?")
                .param(chat)
                .query(Long.class)
                .list();
        for (long c : chats) {
            inboxService.reply(c, "Hello!", null, List.of());
        }

        List<List<DeliveryWorker.Claim>> claims =
                InboxFixtures.concurrently(() -> claimAll(), () -> claimAll(), () -> claimAll(), () -> claimAll());

        // A worker may find nothing while the others hold the remaining rows' locks (SKIP LOCKED)
        // and stop early; the next tick takes what is left. What must never happen is a row twice.
        claims = new ArrayList<>(claims);
        claims.add(claimAll());
        Set<Long> seen = new HashSet<>();
        int total = 0;
        for (List<DeliveryWorker.Claim> batch : claims) {
            for (DeliveryWorker.Claim claim : batch) {
                assertThat(seen.add(claim.id()))
                        .as("row %d claimed twice", claim.id())
                        .isTrue();
                total++;
            }
        }
        assertThat(total).isEqualTo(40);
    }

    private List<DeliveryWorker.Claim> claimAll() {
        List<DeliveryWorker.Claim> mine = new ArrayList<>();
        List<DeliveryWorker.Claim> batch;
        while (!(batch = worker.claim(3)).isEmpty()) {
            mine.addAll(batch);
        }
        return mine;
    }

    @Test
    void twoWorkersWithAProviderSlowerThanTheLeaseSendEachMessageOnce() throws Exception {
        List<Long> chats = new ArrayList<>(List.of(chat));
        for (int i = 0; i < 3; i++) {
            telegramWebhook(channel, """
                    {"update_id":%d,"message":{"message_id":%d,"date":1441645532,
                     "chat":{"id":%d,"type":"private","first_name":"Client"},"text":"hi"}}""".formatted(30000 + i, 4000 + i, 6000000 + i), webhookSecret(channel));
        }
        chats.addAll(jdbc.sql("select id from conversation where id <> ? order by id")
                .param(chat)
                .query(Long.class)
                .list());
        List<Long> replies = new ArrayList<>();
        for (int i = 0; i < chats.size(); i++) {
            replies.add(inboxService.reply(chats.get(i), "Reply " + i, null, List.of()));
        }
        // Each send takes longer than a lease: without care, the other node takes the row over meanwhile.
        telegram.delay = Duration.ofMillis(1500);
        DeliveryWorker nodeA = DeliveryWorkers.withLease(context, Duration.ofSeconds(1));
        DeliveryWorker nodeB = DeliveryWorkers.withLease(context, Duration.ofSeconds(1));
        try {
            // Both nodes keep working the queue (as their ticks would) until every reply is out.
            InboxFixtures.concurrently(() -> workUntilSent(nodeA), () -> workUntilSent(nodeB));
        } finally {
            nodeA.destroy();
            nodeB.destroy();
        }

        for (int i = 0; i < chats.size(); i++) {
            String text = "\"text\":\"Reply " + i + "\"";
            assertThat(telegram.calls("sendMessage"))
                    .as("Reply %d sent", i)
                    .filteredOn(call -> call.body().contains(text))
                    .hasSize(1);
            assertThat(inboxService.message(chats.get(i), replies.get(i)).status())
                    .isEqualTo(DeliveryStatus.SENT);
        }
    }

    /** Drains until every reply is sent (by this node or the other); how many this node sent. */
    private int workUntilSent(DeliveryWorker node) {
        java.util.concurrent.atomic.AtomicInteger worked = new java.util.concurrent.atomic.AtomicInteger();
        org.awaitility.Awaitility.await("every reply sent")
                .atMost(Duration.ofSeconds(15))
                .pollInSameThread()
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(1))
                .until(() -> {
                    worked.addAndGet(node.drain());
                    return count("select count(*) from outbound_message where status <> 'SENT'") == 0;
                });
        return worked.get();
    }

    @Test
    void aWorkerWhoseLeaseWasTakenOverSendsNoFurtherPart() {
        // Two parts: Telegram takes one file per message.
        long reply = inboxService.reply(
                chat,
                "",
                null,
                List.of(
                        new OutgoingAttachment("a.png", "image/png", FakeTelegram.PNG),
                        new OutgoingAttachment("b.png", "image/png", FakeTelegram.PNG)));
        // While the first part is with the provider, another node takes the row over (this worker was too slow).
        telegram.onCall = call -> jdbc.sql("update outbound_message set lease_token = gen_random_uuid()")
                .update();

        worker.drain();

        assertThat(telegram.calls("sendPhoto")).hasSize(1);
        DeliveryState state = queue.state(reply).orElseThrow();
        assertThat(state.status()).as("left to the node that holds it").isEqualTo(DeliveryState.Status.SENDING);
        assertThat(inboxService.message(chat, reply).status()).isEqualTo(DeliveryStatus.PENDING);
    }

    @Test
    void aMessageTheProviderReportedFailedIsReallySentAgainOnRetry() {
        long reply = inboxService.reply(chat, "Yes, we have peonies.", null, List.of());
        worker.drain();
        String firstId = queue.state(reply).orElseThrow().externalId();
        // Later the provider says it never reached the client (Viber's "failed" callback does this).
        context.getBean(DeliveryReports.class).failed(channel.id(), firstId, "Delivery failed");
        assertThat(inboxService.message(chat, reply).status()).isEqualTo(DeliveryStatus.FAILED);

        inboxService.retry(chat, reply);
        worker.drain();

        assertThat(telegram.calls("sendMessage")).hasSize(2);
        DeliveryState resent = queue.state(reply).orElseThrow();
        assertThat(resent.status()).isEqualTo(DeliveryState.Status.SENT);
        assertThat(resent.externalId())
                .isEqualTo("1111111:" + telegram.lastMessageId())
                .isNotEqualTo(firstId);
        assertThat(inboxService.message(chat, reply).status()).isEqualTo(DeliveryStatus.SENT);
        // Reports about the new provider message find it.
        context.getBean(DeliveryReports.class).delivered(channel.id(), resent.externalId());
        assertThat(inboxService.message(chat, reply).status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void repliesOfOneChatGoOutInOrder() {
        telegram.script("sendMessage", 502, "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}");
        long first = inboxService.reply(chat, "First", null, List.of());
        long second = inboxService.reply(chat, "Second", null, List.of());

        worker.drain();

        // The first failed for now; the second waits behind it.
        assertThat(queue.state(second).orElseThrow().attempts()).isZero();
        jdbc.sql("update outbound_message set next_attempt_at = now()").update();
        worker.drain();

        assertThat(telegram.calls("sendMessage"))
                .extracting(FakeProviderApi.Call::body)
                .satisfiesExactly(
                        b -> assertThat(b).contains("First"),
                        b -> assertThat(b).contains("First"),
                        b -> assertThat(b).contains("Second"));
        assertThat(inboxService.message(chat, first).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(inboxService.message(chat, second).status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void aDemoChannelReportsRepliesSentAndDelivered() {
        var demo = com.omnichat.base.SystemAccess.call(() -> context.getBean(ChannelService.class)
                .createDemo(ChannelType.WEBCHAT, "Site chat · demo", Set.of(anna.id())));
        long demoChat = inbox.newChat(demo, "Emma Wilson");
        long reply = inboxService.reply(demoChat, "Hello Emma!", null, List.of());

        worker.drain();

        assertThat(inboxService.message(demoChat, reply).status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void channelSecretsAreEncryptedInTheDatabase() {
        byte[] stored = jdbc.sql("select secrets from channel where id = ?")
                .param(channel.id())
                .query(byte[].class)
                .single();

        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(TELEGRAM_TOKEN)
                .doesNotContain("AAE-test-token");
        assertThat(directory.byId(channel.id()).orElseThrow().secret("botToken"))
                .isEqualTo(TELEGRAM_TOKEN);
        assertThat(channel.secretsSet()).contains("botToken", "webhookSecret");
    }

    /** How long after the attempt (its stored time) the next one is due. */
    private Duration delaySetAtTheAttempt(long messageId) {
        return Duration.ofMillis(
                jdbc.sql("""
                        select (extract(epoch from next_attempt_at - updated_at) * 1000)::bigint
                        from outbound_message where message_id = ?""").param(messageId).query(Long.class).single());
    }

    /** Time passes for the queue: every due time and pause moves that much closer. */
    private void passes(Duration time) {
        double seconds = time.toMillis() / 1000.0;
        jdbc.sql("update outbound_message set next_attempt_at = next_attempt_at - make_interval(secs => ?)")
                .param(seconds)
                .update();
        jdbc.sql("update channel_state set throttled_until = throttled_until - make_interval(secs => ?)")
                .param(seconds)
                .update();
    }
}
