package com.omnichat.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.omnichat.base.SystemAccess;
import com.omnichat.channel.ChannelAdministration;
import com.omnichat.channel.ChannelDetails;
import com.omnichat.channel.ChannelDraft;
import com.omnichat.channel.ChannelMode;
import com.omnichat.channel.ChannelService;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.internal.Poller;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A shop's mailbox (GreenMail on loopback, IMAPS and SMTPS): a mail arrives and shows as a
 * chat with its subject, a newsletter is shown safely, the manager answers in the browser and
 * the client's mailbox gets the reply in the same thread.
 */
class EmailJourneyIT extends BrowserTest {

    @Autowired
    ChannelAdministration administration;

    @Autowired
    ChannelService channels;

    @Autowired
    Poller poller;

    @Autowired
    JdbcClient jdbc;

    GreenMail mail;
    GreenMailUser shop;
    ChannelDetails channel;

    @BeforeEach
    void shopMailbox() {
        mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTPS_IMAPS));
        mail.start();
        shop = mail.setUser("shop@example.com", "shop@example.com", "mailbox-pass-2026");
        mail.setUser("olena@example.com", "olena@example.com", "olena-pass");
        long max = jdbc.sql("select id from staff_user where login = 'max'")
                .query(Long.class)
                .single();
        channel = SystemAccess.call(() -> {
            ChannelDetails saved = administration.save(new ChannelDraft(
                    null,
                    ChannelType.EMAIL,
                    "E-mail · shop " + System.nanoTime(),
                    ChannelMode.POLLING,
                    Map.of("login", "shop@example.com", "password", "mailbox-pass-2026"),
                    Map.of(
                            "address",
                            "shop@example.com",
                            "displayName",
                            "Flower Shop",
                            "imapHost",
                            "127.0.0.1",
                            "imapPort",
                            Integer.toString(mail.getImaps().getPort()),
                            "smtpHost",
                            "127.0.0.1",
                            "smtpPort",
                            Integer.toString(mail.getSmtps().getPort())),
                    true));
            channels.grant(saved.id(), max);
            return saved;
        });
    }

    @AfterEach
    void stopMailbox() {
        if (channel == null) {
            mail.stop();
            return;
        }
        SystemAccess.run(() -> administration.save(new ChannelDraft(
                channel.id(),
                ChannelType.EMAIL,
                channel.name(),
                ChannelMode.POLLING,
                Map.of(),
                channel.settings(),
                false)));
        mail.stop();
    }

    @Test
    void aMailBecomesAChatWithItsSubjectAndTheAnswerLandsInTheClientsThread() throws Exception {
        deliver("""
                From: Olena Bondar <olena@example.com>\r
                To: Flower Shop <shop@example.com>\r
                Subject: Peonies for Friday\r
                Message-ID: <journey-1@example.com>\r
                Content-Type: text/plain; charset=utf-8\r
                \r
                Hello! Do you have white peonies for Friday?\r
                \r
                -- \r
                Olena\r
                """.getBytes(StandardCharsets.UTF_8));
        deliver(eml("html_newsletter.eml"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> poller.pollOnce(channel.id(), Duration.ZERO) >= 0
                        && jdbc.sql("select count(*) from message where channel_id = ?")
                                        .param(channel.id())
                                        .query(Integer.class)
                                        .single()
                                == 2);
        long chat = jdbc.sql("select conversation_id from message where external_id = 'journey-1@example.com'")
                .query(Long.class)
                .single();
        long newsletter = jdbc.sql("select conversation_id from message where external_id = 'html-1@bloom.example'")
                .query(Long.class)
                .single();

        Page manager = newPage(1920, 1080);
        signIn(manager, "max");
        manager.navigate(url("/chats/" + newsletter));
        Locator frame = manager.locator("iframe.mail-frame");
        frame.waitFor();
        assertThat(frame).isVisible();
        assertThat(manager.frameLocator("iframe.mail-frame").locator("h1")).hasText("Spring collection");
        org.assertj.core.api.Assertions.assertThat(manager.frameLocator("iframe.mail-frame")
                        .locator("script, form, iframe")
                        .count())
                .isZero();
        assertThat(manager.locator(".mail-show-images")).isVisible();
        screenshot(manager, "email-newsletter-1920x1080");

        // An inline (cid:) picture, downloaded from the mailbox in the background, shows inside the mail.
        deliver(eml("cid_image.eml"));
        poller.pollOnce(channel.id(), Duration.ZERO);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("""
                        select count(*) from attachment a join message m on m.id = a.message_id
                        where m.external_id = 'cid-1@example.com' and a.status = 'STORED'""").query(Integer.class).single() == 1);
        long picture = jdbc.sql("select conversation_id from message where external_id = 'cid-1@example.com'")
                .query(Long.class)
                .single();
        manager.navigate(url("/chats/" + picture));
        manager.frameLocator("iframe.mail-frame").locator("img[alt=bouquet]").waitFor();
        manager.waitForFunction("() => { const f = document.querySelector('iframe.mail-frame');"
                + " const i = f && f.contentDocument && f.contentDocument.querySelector('img[alt=bouquet]');"
                + " return i && i.complete && i.naturalWidth > 0; }");
        assertThat(manager.locator(".message-client .attachment-image")).hasCount(0);
        screenshot(manager, "email-inline-image-1920x1080");

        manager.navigate(url("/chats/" + chat));
        assertThat(manager.locator(".chat-header .mail-subject")).hasText("Peonies for Friday");
        assertThat(manager.locator(".message-client .text")).hasText("Hello! Do you have white peonies for Friday?");
        assertThat(manager.locator(".message-client .mail-quoted")).isVisible();
        manager.locator(".composer vaadin-text-area textarea").fill("Yes, we have them. 11 stems?");
        manager.locator(".composer vaadin-text-area textarea").press("Enter");
        assertThat(manager.locator(".message-manager")).containsText("11 stems");
        screenshot(manager, "email-chat-1920x1080");
        manager.setViewportSize(1024, 768);
        screenshot(manager, "email-chat-1024x768");

        // The delivery worker sends it over SMTPS; Olena's mailbox gets it in her thread.
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> mail.findReceivedMessages(u -> u.getEmail().equals("olena@example.com"), m -> true)
                        .findAny()
                        .isPresent());
        MimeMessage reply = mail.findReceivedMessages(u -> u.getEmail().equals("olena@example.com"), m -> true)
                .findFirst()
                .orElseThrow();
        org.assertj.core.api.Assertions.assertThat(reply.getSubject()).isEqualTo("Re: Peonies for Friday");
        org.assertj.core.api.Assertions.assertThat(reply.getHeader("In-Reply-To", null))
                .isEqualTo("<journey-1@example.com>");
        org.assertj.core.api.Assertions.assertThat(((String) reply.getContent()).strip())
                .isEqualTo("Yes, we have them. 11 stems?");
        assertThat(manager.locator(".message-manager .status-sent")).isVisible();
    }

    private void deliver(byte[] raw) throws Exception {
        shop.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
    }

    private static byte[] eml(String name) throws IOException {
        try (InputStream in = EmailJourneyIT.class.getResourceAsStream("/email/" + name)) {
            return in.readAllBytes();
        }
    }
}
