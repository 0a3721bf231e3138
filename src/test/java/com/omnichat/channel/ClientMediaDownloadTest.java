package com.omnichat.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;

import com.omnichat.base.NotFoundException;
import com.omnichat.channel.internal.MediaDownloadWorker;
import com.omnichat.channel.internal.MediaFetcher;
import com.omnichat.channel.internal.PublicAddresses;
import com.omnichat.channel.viber.ViberConnector;
import com.omnichat.chat.AttachmentView;
import com.omnichat.chat.ChatEvent;
import com.omnichat.chat.ChatUpdates;
import com.omnichat.chat.InboxService;
import com.omnichat.chat.MessageView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A client's message never waits for its media: a Viber picture message is stored and shown
 * at once with a placeholder; the download runs in the background (driven here), is retried
 * with backoff, appears live when it succeeds, and when given up says why and can be tried
 * again. Media URLs outside the provider's public hosts are never fetched.
 */
class ClientMediaDownloadTest extends ConnectorTest {

    @Autowired
    InboxService inboxService;

    @Autowired
    MediaDownloadWorker downloads;

    @Autowired
    MediaFetcher fetcher;

    @Autowired
    ChatUpdates updates;

    ChannelDetails channel;

    @BeforeEach
    void viberBotConnected() {
        channel = connectViber(Map.of());
    }

    @Test
    void aPictureThatCannotBeFetchedDoesNotHoldBackTheClientsText() throws Exception {
        // The replayed payload of the issue: the media URL is no picture anyone could fetch.
        post(picture(4978563241957515200L, "http://viber.com", "hello"));

        assertThat(text("select status from inbound_event")).isEqualTo("DONE");
        MessageView message = onlyMessage();
        assertThat(message.body()).isEqualTo("hello");
        assertThat(message.attachments()).singleElement().satisfies(placeholder -> {
            assertThat(placeholder.status()).isEqualTo(AttachmentView.Status.PENDING);
            assertThat(placeholder.image()).isTrue();
            assertThat(placeholder.fileName()).isEqualTo("p.jpg");
        });
        assertThat(text("select last_message_preview from conversation")).isEqualTo("hello");
    }

    @Test
    void theDownloadIsRetriedWithBackoffAndTheFileAppearsLiveWhenItArrives() throws Exception {
        viber.script("p.jpg", 503, "{}");
        post(picture(4978563241957515201L, viber.url() + "/media/p.jpg", "Такий?"));
        BlockingQueue<ChatEvent> annasScreen = new LinkedBlockingQueue<>();
        Runnable unsubscribe = updates.subscribe(staff.principalOf(anna), annasScreen::add);
        try {
            assertThat(downloads.drain()).isEqualTo(1);

            assertThat(onlyMessage().attachments().getFirst().status()).isEqualTo(AttachmentView.Status.PENDING);
            assertThat(count("select attempts from media_download")).isEqualTo(1);
            assertThat(count("select count(*) from media_download where next_attempt_at > now()"))
                    .as("backs off")
                    .isEqualTo(1);
            assertThat(downloads.drain()).as("not due yet").isZero();

            jdbc.sql("update media_download set next_attempt_at = now()").update();
            assertThat(downloads.drain()).isEqualTo(1);

            AttachmentView file = onlyMessage().attachments().getFirst();
            assertThat(file.status()).isEqualTo(AttachmentView.Status.STORED);
            assertThat(file.contentType()).isEqualTo("image/png");
            assertThat(inboxService.attachmentContent(file.id()).content()).isEqualTo(FakeTelegram.PNG);
            assertThat(viber.calls("p.jpg")).hasSize(2);
            assertThat(inbox.countRows("media_download"))
                    .as("done downloads leave the queue")
                    .isZero();
            long chat = onlyMessageChat();
            assertThat(heardUpdateOf(annasScreen, chat))
                    .as("open chat windows hear of it")
                    .isTrue();
        } finally {
            unsubscribe.run();
        }
    }

    @Test
    void aDownloadGivenUpSaysWhyAndTryAgainFetchesItAgain() throws Exception {
        viber.script("p.jpg", 404, "{}");
        post(picture(4978563241957515202L, viber.url() + "/media/p.jpg", "hello"));

        downloads.drain();

        AttachmentView failed = onlyMessage().attachments().getFirst();
        assertThat(failed.status()).as("a 404 will not pass").isEqualTo(AttachmentView.Status.FAILED);
        assertThat(failed.failureReason()).isEqualTo("HTTP 404 from localhost");
        assertThat(downloads.drain()).as("given up: no more tries by itself").isZero();

        inboxService.retryDownload(onlyMessageChat(), failed.id());

        assertThat(onlyMessage().attachments().getFirst().status()).isEqualTo(AttachmentView.Status.PENDING);
        assertThat(downloads.drain()).isEqualTo(1);
        assertThat(onlyMessage().attachments().getFirst().status()).isEqualTo(AttachmentView.Status.STORED);
    }

    @Test
    void afterTheLastAttemptThePlaceholderSaysItGaveUp() throws Exception {
        viber.script("p.jpg", 503, "{}");
        post(picture(4978563241957515203L, viber.url() + "/media/p.jpg", "hello"));
        jdbc.sql("update media_download set attempts = 9").update();

        downloads.drain();

        AttachmentView failed = onlyMessage().attachments().getFirst();
        assertThat(failed.status()).isEqualTo(AttachmentView.Status.FAILED);
        assertThat(failed.failureReason()).isEqualTo("Gave up after 10 attempts: HTTP 503 from localhost");
    }

    @Test
    void onlyStaffWhoMaySeeTheChatCanTryAgain() throws Exception {
        viber.script("p.jpg", 404, "{}");
        post(picture(4978563241957515204L, viber.url() + "/media/p.jpg", "hello"));
        downloads.drain();
        long chat = onlyMessageChat();
        long attachment = onlyMessage().attachments().getFirst().id();

        staff.signInAs(staff.manager("max"));

        assertThatThrownBy(() -> inboxService.retryDownload(chat, attachment)).isInstanceOf(NotFoundException.class);
        assertThat(text("select status from media_download")).isEqualTo("FAILED");
    }

    @Test
    void withTheProductionDefaultALoopbackUrlIsRefusedAndTheMessageIsStillShown() throws Exception {
        post(picture(4978563241957515205L, viber.url() + "/media/p.jpg", "hello"));
        // The fetcher as production builds it (the test profile allows loopback for the fakes);
        // the spy goes back to the real fetcher after the test.
        var productionDefault = new MediaFetcher(PublicAddresses.Resolver.SYSTEM, false, Duration.ofSeconds(10));
        doAnswer(call -> productionDefault.fetch(
                        call.getArgument(0), call.getArgument(1), call.<Long>getArgument(2), call.getArgument(3)))
                .when(fetcher)
                .fetch(anyString(), any(), anyLong(), any());

        downloads.drain();

        MessageView message = onlyMessage();
        assertThat(message.body()).isEqualTo("hello");
        assertThat(message.attachments().getFirst().status()).isEqualTo(AttachmentView.Status.FAILED);
        assertThat(message.attachments().getFirst().failureReason())
                .isEqualTo("Media address not allowed (loopback): localhost");
        assertThat(viber.calls("p.jpg")).as("never fetched").isEmpty();
    }

    @Test
    void aMediaUrlOutsideViberIsNeverFetched() throws Exception {
        post(picture(4978563241957515206L, "http://metadata.internal.example/latest/meta-data", "hello"));

        downloads.drain();

        assertThat(onlyMessage().attachments().getFirst().failureReason())
                .isEqualTo("Media host not allowed: metadata.internal.example");
    }

    /** Whether an UPDATED event of the chat arrives within 10 s (the new message's own event may come first). */
    private static boolean heardUpdateOf(BlockingQueue<ChatEvent> screen, long chat) {
        try {
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .pollInSameThread()
                    .pollInterval(java.time.Duration.ofMillis(20))
                    .until(() -> {
                        ChatEvent event;
                        while ((event = screen.poll()) != null) {
                            if (event.type() == ChatEvent.Type.UPDATED && event.conversationId() == chat) {
                                return true;
                            }
                        }
                        return false;
                    });
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }

    private static String picture(long token, String media, String text) {
        return """
                {"event":"message","timestamp":1479039750092,"message_token":%d,
                 "sender":{"id":"xWxFWBYHceVLi80yULnRkw==","name":"Idan Harel"},
                 "message":{"type":"picture","text":"%s","media":"%s","file_name":"p.jpg","size":68}}""".formatted(token, text, media);
    }

    private MessageView onlyMessage() {
        staff.signInAs(anna);
        return inboxService.history(onlyMessageChat(), null, 10).stream()
                .filter(m -> m.kind() == com.omnichat.chat.MessageKind.CLIENT)
                .reduce((a, b) -> {
                    throw new AssertionError("more than one client message");
                })
                .orElseThrow();
    }

    private long onlyMessageChat() {
        return jdbc.sql("select id from conversation").query(Long.class).single();
    }

    private void post(String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        assertThat(viberWebhook(channel, body, ViberConnector.signature(VIBER_TOKEN, body))
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }
}
