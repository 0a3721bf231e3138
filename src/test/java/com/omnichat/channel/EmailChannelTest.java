package com.omnichat.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.omnichat.base.SystemAccess;
import com.omnichat.channel.email.EmailSamples;
import com.omnichat.channel.internal.MediaDownloadWorker;
import com.omnichat.channel.internal.Poller;
import com.omnichat.chat.DeliveryStatus;
import com.omnichat.chat.InboxService;
import com.omnichat.chat.MessageView;
import com.omnichat.chat.WriteFirstService;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * E-mail against real IMAPS and SMTPS servers (GreenMail) on loopback: a shop's mailbox is
 * polled, mails become chats (threads), managers answer, the client's mailbox gets the reply.
 */
class EmailChannelTest extends ConnectorTest {

    static final String SHOP = "shop@example.com";
    static final String PASSWORD = "mailbox-pass-2026";

    @Autowired
    Poller poller;

    @Autowired
    InboxService inboxService;

    @Autowired
    MediaDownloadWorker downloads;

    @Autowired
    WriteFirstService writeFirst;

    GreenMail mail;
    GreenMailUser shopMailbox;
    ChannelDetails channel;

    @BeforeEach
    void mailboxOnLoopback() {
        // Fixed free ports, so the server can restart where the channel expects it.
        mail = new GreenMail(new ServerSetup[] {
            ServerSetupTest.SMTPS.withPort(freePort()), ServerSetupTest.IMAPS.withPort(freePort())
        });
        mail.start();
        shopMailbox = mail.setUser(SHOP, SHOP, PASSWORD);
        mail.setUser("olena@example.com", "olena@example.com", "olena-pass");
        channel = connect(PASSWORD);
    }

    @AfterEach
    void stopMailbox() {
        mail.stop();
    }

    private ChannelDetails connect(String password) {
        return connect(mailbox("E-mail · " + password, SHOP, password, mail));
    }

    @Test
    void checkConnectionLogsIntoBothServersAndAWrongPasswordSaysWhichFailed() {
        assertThat(SystemAccess.call(() -> administration.checkConnection(channel.id()))
                        .ok())
                .isTrue();

        ChannelDetails wrong = connect("wrong-password");
        ConnectionCheck check = SystemAccess.call(() -> administration.checkConnection(wrong.id()));
        assertThat(check.ok()).isFalse();
        assertThat(check.error()).startsWith("IMAP:").doesNotContain("wrong-password");
    }

    @Test
    void theFixtureArrivesAsAChatWithItsSubjectAndIsStoredOnce() throws Exception {
        deliver(eml("email_only_text.eml"));

        assertThat(poller.pollOnce(channel.id(), Duration.ZERO)).isEqualTo(1);
        assertThat(poller.pollOnce(channel.id(), Duration.ZERO))
                .as("the cursor moved")
                .isZero();

        assertThat(text("select body from message where kind = 'CLIENT'")).isEqualTo("text only mail");
        assertThat(text("select subject from conversation")).isEqualTo("test text only mail");
        assertThat(text("select i.external_user_id from client_identity i")).isEqualTo("text@example.com");
        assertThat(text("select event_key from inbound_event"))
                .isEqualTo("mail:6215e5ca3e3b2_10bc6197e4224d1@tejaswinis-MacBook-Pro.local.mail");
        assertThat(count("select count(*) from inbound_event where body is not null"))
                .as("kept raw")
                .isEqualTo(1);
        assertThat(SystemAccess.call(() -> administration.get(channel.id()))
                        .runtime()
                        .lastPollAt())
                .isNotNull();
    }

    @Test
    void aMailJoinsItsThreadByInReplyToByReferencesAndBySubjectOtherwiseANewChat() throws Exception {
        deliver(plain("<t1@example.com>", null, null, "Order 15", "Do you deliver on Friday?"));
        poller.pollOnce(channel.id(), Duration.ZERO);
        long first = jdbc.sql("select id from conversation").query(Long.class).single();

        deliver(plain("<t2@example.com>", "<t1@example.com>", null, "Re: Order 15", "Also flowers"));
        deliver(plain("<t3@example.com>", null, "<t1@example.com> <t2@example.com>", "something else", "refs only"));
        deliver(plain("<t4@example.com>", null, null, "AW: Отв: order   15", "by subject"));
        deliver(plain("<t5@example.com>", null, null, "A new question", "new thread"));
        assertThat(poller.pollOnce(channel.id(), Duration.ZERO)).isEqualTo(4);

        assertThat(jdbc.sql("select external_id || '→' || (conversation_id = ?) from message where external_id in"
                                + " ('t2@example.com', 't3@example.com', 't4@example.com') order by id")
                        .param(first)
                        .query(String.class)
                        .list())
                .containsExactly("t2@example.com→true", "t3@example.com→true", "t4@example.com→true");
        assertThat(count("select count(*) from conversation")).isEqualTo(2);
        assertThat(text("select subject from conversation where id <> ?", first))
                .isEqualTo("A new question");
        assertThat(count("select count(distinct client_id) from conversation"))
                .as("one client per address")
                .isEqualTo(1);
    }

    @Test
    void theSameSubjectAfterThirtyDaysStartsANewChat() throws Exception {
        deliver(plain("<old1@example.com>", null, null, "Order 15", "First question"));
        poller.pollOnce(channel.id(), Duration.ZERO);
        jdbc.sql("update conversation set created_at = now() - interval '31 days',"
                        + " last_message_at = now() - interval '31 days'")
                .update();

        deliver(plain("<old2@example.com>", null, null, "Re: Order 15", "Much later"));
        poller.pollOnce(channel.id(), Duration.ZERO);

        assertThat(count("select count(*) from conversation")).isEqualTo(2);
    }

    @Test
    void aReplyWithAFileSendsItAsAnAttachment() throws Exception {
        deliver(plain("<f1@example.com>", null, null, "Invoice", "Send me the invoice please"));
        poller.pollOnce(channel.id(), Duration.ZERO);
        long chat = jdbc.sql("select id from conversation").query(Long.class).single();
        staff.signInAs(anna);

        inboxService.reply(
                chat,
                "Here it is.",
                null,
                List.of(new com.omnichat.chat.OutgoingAttachment(
                        "рахунок 15.pdf", "application/pdf", "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII))));
        assertThat(worker.drain()).isEqualTo(1);

        MimeMessage received = olenasMailbox().getFirst();
        var parts = (jakarta.mail.internet.MimeMultipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(((String) parts.getBodyPart(0).getContent()).strip()).isEqualTo("Here it is.");
        assertThat(jakarta.mail.internet.MimeUtility.decodeText(
                        parts.getBodyPart(1).getFileName()))
                .isEqualTo("рахунок 15.pdf");
        assertThat(parts.getBodyPart(1).getInputStream().readAllBytes())
                .isEqualTo("%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aReplyReachesTheClientsMailboxInTheSameThread() throws Exception {
        deliver(plain("<q1@example.com>", null, null, "Peonies", "Do you have peonies?"));
        poller.pollOnce(channel.id(), Duration.ZERO);
        long chat = jdbc.sql("select id from conversation").query(Long.class).single();
        staff.signInAs(anna);

        long reply = inboxService.reply(chat, "Yes, we have peonies.", null, List.of());
        assertThat(worker.drain()).isEqualTo(1);

        assertThat(status(chat, reply)).isEqualTo(DeliveryStatus.SENT);
        MimeMessage received = olenasMailbox().getFirst();
        assertThat(received.getHeader("In-Reply-To", null)).isEqualTo("<q1@example.com>");
        assertThat(received.getHeader("References", null)).isEqualTo("<q1@example.com>");
        assertThat(received.getSubject()).isEqualTo("Re: Peonies");
        assertThat(received.getFrom()[0].toString()).isEqualTo("Flower Shop <shop@example.com>");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("olena@example.com");
        String ourId = text("select external_id from message where id = ?", reply);
        assertThat(received.getMessageID()).isEqualTo("<" + ourId + ">");
        assertThat(((String) received.getContent()).strip()).isEqualTo("Yes, we have peonies.");

        // Her answer to our reply continues the chat.
        deliver(plain("<q2@example.com>", "<" + ourId + ">", null, "Re: Peonies", "Great, 11 please"));
        poller.pollOnce(channel.id(), Duration.ZERO);
        assertThat(count("select count(*) from conversation")).isEqualTo(1);
    }

    @Test
    void aRefusedLoginAtTheSmtpServerKeepsTheReplyQueuedWithTheServersAnswerAndNoPassword() throws Exception {
        deliver(plain("<s1@example.com>", null, null, "Order", "Call me"));
        poller.pollOnce(channel.id(), Duration.ZERO);
        long chat = jdbc.sql("select id from conversation").query(Long.class).single();
        SystemAccess.run(() -> administration.save(new ChannelDraft(
                channel.id(),
                ChannelType.EMAIL,
                channel.name(),
                ChannelMode.POLLING,
                Map.of("password", "changed-password-2026"),
                channel.settings(),
                true)));
        staff.signInAs(anna);

        long reply = inboxService.reply(chat, "Sure", null, List.of());
        worker.drain();

        DeliveryState state = context.getBean(DeliveryQueue.class).state(reply).orElseThrow();
        assertThat(state.status()).as("retried later").isEqualTo(DeliveryState.Status.QUEUED);
        assertThat(state.lastError()).startsWith("SMTP:").doesNotContain("changed-password-2026");
        assertThat(olenasMailbox()).isEmpty();
    }

    @Test
    void aBounceOfOurMessageMarksItFailedWithTheServersReason() throws Exception {
        deliver(plain("<b1@example.com>", null, null, "Order", "Call me"));
        poller.pollOnce(channel.id(), Duration.ZERO);
        long chat = jdbc.sql("select id from conversation").query(Long.class).single();
        staff.signInAs(anna);
        long reply = inboxService.reply(chat, "Sure", null, List.of());
        worker.drain();
        String ourId = text("select external_id from message where id = ?", reply);

        deliver(EmailSamples.bounce(ourId, "olena@example.com").getBytes(StandardCharsets.UTF_8));
        poller.pollOnce(channel.id(), Duration.ZERO);

        assertThat(status(chat, reply)).isEqualTo(DeliveryStatus.FAILED);
        assertThat(text("select failure_reason from message where id = ?", reply))
                .contains("5.1.1")
                .contains("User unknown");
        assertThat(count("select count(*) from message where kind = 'CLIENT'"))
                .as("no chat message")
                .isEqualTo(1);
    }

    @Test
    void anAutoReplyIsShownButNeitherBumpsTheChatNorCountsAsUnanswered() throws Exception {
        deliver(plain("<a1@example.com>", null, null, "Order", "Call me"));
        poller.pollOnce(channel.id(), Duration.ZERO);
        long chat = jdbc.sql("select id from conversation").query(Long.class).single();
        staff.signInAs(anna);
        inboxService.reply(chat, "We will", null, List.of());
        worker.drain();
        var before = jdbc.sql("select sort_at::text from conversation")
                .query(String.class)
                .single();

        String ours = text("select external_id from message where kind = 'MANAGER'");
        deliver(("In-Reply-To: <" + ours + ">\r\n").getBytes(StandardCharsets.UTF_8), eml("auto_reply.eml"));
        poller.pollOnce(channel.id(), Duration.ZERO);

        assertThat(count("select count(*) from message where automatic")).isEqualTo(1);
        assertThat(jdbc.sql("select unanswered from conversation")
                        .query(Boolean.class)
                        .single())
                .isFalse();
        assertThat(jdbc.sql("select unread_count from conversation")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select sort_at::text from conversation")
                        .query(String.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void aCidImageIsDownloadedInTheBackgroundFromTheMailbox() throws Exception {
        deliver(eml("cid_image.eml"));
        poller.pollOnce(channel.id(), Duration.ZERO);
        assertThat(text("select status from attachment")).isEqualTo("PENDING");

        assertThat(downloads.drain()).isEqualTo(1);

        assertThat(text("select status from attachment")).isEqualTo("STORED");
        assertThat(text("select content_type from attachment")).isEqualTo("image/png");
        assertThat(text("select html from message")).contains("src=\"cid:0\"");
    }

    @Test
    void windows1251AndAnEncodedSubjectAreReadCorrectly() throws Exception {
        deliver(eml("windows1251.eml"));
        poller.pollOnce(channel.id(), Duration.ZERO);

        assertThat(text("select body from message")).isEqualTo("Добрий день! Чи є у вас півонії?");
        assertThat(text("select subject from conversation")).isEqualTo("Вопрос о заказе");
        assertThat(text("select client_name from conversation")).isEqualTo("Олена Бондар");
    }

    @Test
    void theServerRestartedMidPollLosesNothingAndStoresNothingTwice() throws Exception {
        deliver(plain("<r1@example.com>", null, null, "One", "one"));
        deliver(plain("<r2@example.com>", null, null, "Two", "two"));
        // Storing the second mail fails (the node dies mid-poll): the cursor must stay.
        jdbc.sql("""
                create or replace function refuse_r2() returns trigger language plpgsql as $$
                begin
                  if new.event_key = 'mail:r2@example.com' then raise exception 'simulated crash'; end if;
                  return new;
                end $$""").update();
        jdbc.sql("create trigger refuse_r2 before insert on inbound_event for each row execute function refuse_r2()")
                .update();
        try {
            poller.pollOnce(channel.id(), Duration.ZERO);
        } finally {
            jdbc.sql("drop trigger refuse_r2 on inbound_event").update();
            jdbc.sql("drop function refuse_r2()").update();
        }
        assertThat(count("select count(*) from message where kind = 'CLIENT'")).isEqualTo(1);

        // The mail server restarts with its mailbox rebuilt: a new UIDVALIDITY, the same mails again.
        mail.stop();
        mail.start();
        shopMailbox = mail.setUser(SHOP, SHOP, PASSWORD);
        deliver(plain("<r1@example.com>", null, null, "One", "one"));
        deliver(plain("<r2@example.com>", null, null, "Two", "two"));
        deliver(plain("<r3@example.com>", null, null, "Three", "three"));

        poller.pollOnce(channel.id(), Duration.ZERO);
        poller.pollOnce(channel.id(), Duration.ZERO);

        assertThat(jdbc.sql("select body from message where kind = 'CLIENT' order by body")
                        .query(String.class)
                        .list())
                .containsExactly("one", "three", "two");
        assertThat(count("select count(*) from inbound_event")).isEqualTo(3);
    }

    @Test
    void aMailArrivingWhileThePollWaitsIsFetchedAtOnceThroughIdleAndStoredOnce() throws Exception {
        // The poll waits up to 20 s; without IDLE it would look again only after the 10 s recheck.
        var polling = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> poller.pollOnce(channel.id(), Duration.ofSeconds(20)));
        org.awaitility.Awaitility.await("the poll is waiting")
                .during(Duration.ofMillis(800))
                .atMost(Duration.ofSeconds(3))
                .until(() -> !polling.isDone());

        long delivered = System.nanoTime();
        deliver(plain("<idle1@example.com>", null, null, "Tulips", "Any tulips today?"));

        assertThat(polling.get(3, java.util.concurrent.TimeUnit.SECONDS))
                .as("fetched at once")
                .isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - delivered)).isLessThan(Duration.ofSeconds(3));
        assertThat(poller.pollOnce(channel.id(), Duration.ZERO))
                .as("the cursor moved")
                .isZero();
        assertThat(count("select count(*) from message where kind = 'CLIENT'")).isEqualTo(1);
        assertThat(text("select body from message where kind = 'CLIENT'")).isEqualTo("Any tulips today?");
    }

    @Test
    void aManagerWritesFirstToTheAddressInTheCardWithASubjectAndHerAnswerContinuesTheThread() throws Exception {
        ChannelInfo telegram = inbox.channel("Telegram shop", anna);
        long lead = jdbc.sql("select client_id from conversation where id = ?")
                .param(inbox.newChat(telegram, "Olena"))
                .query(Long.class)
                .single();
        staff.signInAs(anna);
        assertThat(writeFirst.channelsFor(lead))
                .filteredOn(c -> c.channel().id() == channel.id())
                .singleElement()
                .extracting(WriteFirstService.ChannelChoice::reason)
                .isEqualTo(WriteFirstService.Reason.NEEDS_EMAIL);
        jdbc.sql("update client set email = 'olena@example.com', email_verified = true where id = ?")
                .param(lead)
                .update();
        assertThat(writeFirst.channelsFor(lead))
                .filteredOn(c -> c.channel().id() == channel.id())
                .singleElement()
                .extracting(WriteFirstService.ChannelChoice::reason)
                .isEqualTo(WriteFirstService.Reason.BY_EMAIL);

        long chat = writeFirst.write(lead, channel.id(), "Your order 77 is ready.", "Order 77");
        assertThat(worker.drain()).isEqualTo(1);

        MimeMessage received = olenasMailbox().getFirst();
        assertThat(received.getSubject()).isEqualTo("Order 77");
        assertThat(received.getHeader("In-Reply-To")).isNull();
        String ourId = text("select external_id from message where kind = 'MANAGER'");
        deliver(plain("<w2@example.com>", "<" + ourId + ">", "<" + ourId + ">", "Re: Order 77", "Thanks!"));
        poller.pollOnce(channel.id(), Duration.ZERO);
        assertThat(jdbc.sql("select conversation_id from message where external_id = 'w2@example.com'")
                        .query(Long.class)
                        .single())
                .isEqualTo(chat);
        assertThat(text("select subject from conversation where id = ?", chat)).isEqualTo("Order 77");
    }

    private List<MimeMessage> olenasMailbox() {
        return mail.findReceivedMessages(user -> user.getEmail().equals("olena@example.com"), m -> true)
                .toList();
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private DeliveryStatus status(long chat, long messageId) {
        MessageView view = inboxService.message(chat, messageId);
        return view.status();
    }

    private void deliver(byte[] headers, byte[] raw) throws Exception {
        byte[] all = new byte[headers.length + raw.length];
        System.arraycopy(headers, 0, all, 0, headers.length);
        System.arraycopy(raw, 0, all, headers.length, raw.length);
        deliver(all);
    }

    private void deliver(byte[] raw) throws Exception {
        shopMailbox.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
    }

    private static byte[] plain(String messageId, String inReplyTo, String references, String subject, String body) {
        StringBuilder headers = new StringBuilder()
                .append("From: Olena <Olena@Example.com>\r\nTo: Flower Shop <shop@example.com>\r\n")
                // Sent now, as a real mail arriving: the thread rules compare it with the chat's times.
                .append("Date: ")
                .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
                .append("\r\n")
                .append("Message-ID: ")
                .append(messageId)
                .append("\r\n");
        if (inReplyTo != null) {
            headers.append("In-Reply-To: ").append(inReplyTo).append("\r\n");
        }
        if (references != null) {
            headers.append("References: ").append(references).append("\r\n");
        }
        headers.append("Subject: ")
                .append(subject)
                .append("\r\nMIME-Version: 1.0\r\n")
                .append("Content-Type: text/plain; charset=utf-8\r\n\r\n")
                .append(body)
                .append("\r\n");
        return headers.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] eml(String name) throws IOException {
        try (InputStream in = EmailChannelTest.class.getResourceAsStream("/email/" + name)) {
            return in.readAllBytes();
        }
    }
}
