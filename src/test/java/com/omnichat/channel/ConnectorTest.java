package com.omnichat.channel;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.util.GreenMail;
import com.omnichat.IntegrationTest;
import com.omnichat.base.SystemAccess;
import com.omnichat.channel.internal.ChannelDirectory;
import com.omnichat.channel.internal.DeliveryWorker;
import com.omnichat.channel.internal.InboundEvents;
import com.omnichat.chat.InboxFixtures;
import com.omnichat.user.StaffFixtures;
import com.omnichat.user.StaffMember;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Connector use cases over real HTTP shapes: providers call the webhook endpoint (through
 * the real security filter chain, MockMvc), the connectors call fake Telegram and Viber
 * APIs on loopback ports. Workers are driven by the test.
 */
@IntegrationTest
abstract class ConnectorTest {

    static final String TELEGRAM_TOKEN = "7000001:AAE-test-token";
    static final String VIBER_TOKEN = "44dafb7e0f40021e-61a47a1e6778d187-f2c5a676a07050b3";

    @Autowired
    WebApplicationContext context;

    @Autowired
    StaffFixtures staff;

    @Autowired
    InboxFixtures inbox;

    @Autowired
    ChannelAdministration administration;

    @Autowired
    ChannelDirectory directory;

    @Autowired
    DeliveryWorker worker;

    @Autowired
    InboundEvents inboundEvents;

    @Autowired
    JdbcClient jdbc;

    MockMvc http;
    FakeTelegram telegram;
    FakeViber viber;
    StaffMember anna;

    @BeforeEach
    void fakesOnLoopback() {
        http = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        telegram = new FakeTelegram();
        viber = new FakeViber();
        anna = staff.manager("anna");
    }

    @AfterEach
    void closeFakes() {
        telegram.close();
        viber.close();
    }

    ChannelDetails connectTelegram(ChannelMode mode) {
        return connect(new ChannelDraft(
                null,
                ChannelType.TELEGRAM,
                "Telegram · @flowershop_bot",
                mode,
                Map.of("botToken", TELEGRAM_TOKEN),
                Map.of(),
                true));
    }

    ChannelDetails connectViber(Map<String, String> settings) {
        return connect(new ChannelDraft(
                null,
                ChannelType.VIBER,
                "Viber · Flower Shop",
                ChannelMode.WEBHOOK,
                Map.of("authToken", VIBER_TOKEN),
                settings,
                true));
    }

    /** An administrator connects the channel and lets anna use it. */
    ChannelDetails connect(ChannelDraft draft) {
        return SystemAccess.call(() -> {
            ChannelDetails channel = administration.save(draft);
            SystemAccessGrant.grant(context, channel.id(), anna.id());
            return administration.get(channel.id());
        });
    }

    /** The shop's mailbox on the test's GreenMail servers (IMAPS and SMTPS on loopback). */
    static ChannelDraft mailbox(String name, String address, String password, GreenMail mail) {
        return new ChannelDraft(
                null,
                ChannelType.EMAIL,
                name,
                ChannelMode.POLLING,
                Map.of("login", address, "password", password),
                Map.of(
                        "address",
                        address,
                        "displayName",
                        "Flower Shop",
                        "imapHost",
                        "127.0.0.1",
                        "imapPort",
                        Integer.toString(mail.getImaps().getPort()),
                        "imapSecurity",
                        "SSL",
                        "smtpHost",
                        "127.0.0.1",
                        "smtpPort",
                        Integer.toString(mail.getSmtps().getPort()),
                        "smtpSecurity",
                        "SSL"),
                true);
    }

    String webhookSecret(ChannelDetails channel) {
        return directory.byId(channel.id()).orElseThrow().secret("webhookSecret");
    }

    String key(ChannelDetails channel) {
        return directory.byId(channel.id()).orElseThrow().key();
    }

    MvcResult telegramWebhook(ChannelDetails channel, String body, String secret) throws Exception {
        var request = post("/webhooks/telegram/" + key(channel))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body.getBytes(StandardCharsets.UTF_8));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return http.perform(request).andReturn();
    }

    MvcResult viberWebhook(ChannelDetails channel, byte[] body, String signature) throws Exception {
        var request = post("/webhooks/viber/" + key(channel))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        if (signature != null) {
            request.header("X-Viber-Content-Signature", signature);
        }
        return http.perform(request).andReturn();
    }

    static String fixture(String name) {
        return ChannelSamples.text(name);
    }

    int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    String text(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(String.class).single();
    }

    /** Waits (up to 10 s) until the condition holds. */
    static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what)
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(condition::getAsBoolean);
    }

    /** Grants through the real service (publishes ChannelAccessChanged). */
    static final class SystemAccessGrant {
        static void grant(WebApplicationContext context, long channelId, long userId) {
            context.getBean(ChannelService.class).grant(channelId, userId);
        }
    }
}
