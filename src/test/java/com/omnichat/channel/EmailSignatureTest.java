package com.omnichat.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.omnichat.channel.internal.Poller;
import com.omnichat.chat.InboxService;
import com.omnichat.user.UserService;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A manager's own signature follows his e-mail replies after the "-- " line, as the client's
 * mailbox (GreenMail) receives them and as the chat shows them; other channels never get it.
 */
class EmailSignatureTest extends ConnectorTest {

    static final String SHOP = "shop@example.com";
    static final String PASSWORD = "mailbox-pass-2026";
    static final String SIGNATURE = "Anna Kovalenko\nFlower Shop · +380 44 123 45 67";

    @Autowired
    Poller poller;

    @Autowired
    InboxService inboxService;

    @Autowired
    UserService userService;

    GreenMail mail;

    @BeforeEach
    void mailboxOnLoopback() {
        mail = new GreenMail(
                new ServerSetup[] {ServerSetupTest.SMTPS.dynamicPort(), ServerSetupTest.IMAPS.dynamicPort()});
        mail.start();
        mail.setUser(SHOP, SHOP, PASSWORD);
        mail.setUser("olena@example.com", "olena@example.com", "olena-pass");
    }

    @AfterEach
    void stopMailbox() {
        mail.stop();
    }

    @Test
    void anEmailReplyCarriesTheManagersSignatureAndTheChatShowsItAsSent() throws Exception {
        long chat = olenaMailedTheShop();
        staff.signInAs(anna);
        userService.changeOwnSignature("  Anna Kovalenko  \r\nFlower Shop · +380 44 123 45 67\r\n");

        long reply = inboxService.reply(chat, "Yes, we have peonies.", null, List.of());
        assertThat(worker.drain()).isEqualTo(1);

        MimeMessage received = mail.findReceivedMessages(u -> u.getEmail().equals("olena@example.com"), m -> true)
                .toList()
                .getFirst();
        String expected = "Yes, we have peonies.\n\n-- \n" + SIGNATURE;
        assertThat(((String) received.getContent()).replace("\r\n", "\n").stripTrailing())
                .isEqualTo(expected);
        assertThat(inboxService.message(chat, reply).body())
                .as("what the manager sees is what she got")
                .isEqualTo(expected);
    }

    @Test
    void withoutASignatureTheReplyIsJustTheText() throws Exception {
        long chat = olenaMailedTheShop();
        staff.signInAs(anna);
        userService.changeOwnSignature("Anna");
        userService.changeOwnSignature("   ");
        assertThat(userService.ownSignature()).as("blank removes it").isEmpty();

        long reply = inboxService.reply(chat, "Yes, we have peonies.", null, List.of());
        assertThat(worker.drain()).isEqualTo(1);

        MimeMessage received = mail.findReceivedMessages(u -> u.getEmail().equals("olena@example.com"), m -> true)
                .toList()
                .getFirst();
        assertThat(((String) received.getContent()).strip()).isEqualTo("Yes, we have peonies.");
        assertThat(inboxService.message(chat, reply).body()).isEqualTo("Yes, we have peonies.");
    }

    @Test
    void aTelegramReplyHasNoSignature() throws Exception {
        ChannelDetails bot = connectTelegram(ChannelMode.WEBHOOK);
        telegramWebhook(bot, fixture("telegram_update_text.json"), webhookSecret(bot));
        long chat = jdbc.sql("select id from conversation").query(Long.class).single();
        staff.signInAs(anna);
        userService.changeOwnSignature(SIGNATURE);

        long reply = inboxService.reply(chat, "Добрий день! Так, є.", null, List.of());
        assertThat(worker.drain()).isEqualTo(1);

        assertThat(telegram.calls("sendMessage"))
                .singleElement()
                .satisfies(call -> assertThat(call.body())
                        .contains("\"text\":\"Добрий день! Так, є.\"")
                        .doesNotContain("Kovalenko"));
        assertThat(inboxService.message(chat, reply).body()).isEqualTo("Добрий день! Так, є.");
    }

    private long olenaMailedTheShop() throws Exception {
        ChannelDetails channel = connect(mailbox("E-mail", SHOP, PASSWORD, mail));
        String raw = """
                From: Olena <olena@example.com>\r
                To: Flower Shop <shop@example.com>\r
                Message-ID: <q1@example.com>\r
                Subject: Peonies\r
                MIME-Version: 1.0\r
                Content-Type: text/plain; charset=utf-8\r
                \r
                Do you have peonies?\r
                """;
        deliver(raw.getBytes(StandardCharsets.UTF_8));
        assertThat(poller.pollOnce(channel.id(), Duration.ZERO)).isEqualTo(1);
        return jdbc.sql("select id from conversation").query(Long.class).single();
    }

    private void deliver(byte[] raw) throws IOException, jakarta.mail.MessagingException {
        mail.getUserManager()
                .getUser(SHOP)
                .deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
    }
}
