package com.omnichat.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnichat.IntegrationTest;
import com.omnichat.base.NotFoundException;
import com.omnichat.base.SystemAccess;
import com.omnichat.base.UserFacingException;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.MessageTemplate;
import com.omnichat.channel.MessageTemplate.Component;
import com.omnichat.channel.MessageTemplate.Kind;
import com.omnichat.channel.PhoneChannelConnector;
import com.omnichat.channel.TemplateService;
import com.omnichat.channel.connector.ProviderErrors;
import com.omnichat.channel.internal.DeliveryWorker;
import com.omnichat.user.StaffFixtures;
import com.omnichat.user.StaffMember;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Approved templates (a phone channel that starts dialogs only with one): synced from the
 * provider, searched, filled in, rendered as the manager's message and handed to the
 * connector as the template with its parameters.
 */
@IntegrationTest
class TemplatesTest {

    static final MessageTemplate ORDER_READY = new MessageTemplate(
            "order_ready",
            "uk",
            "UTILITY",
            List.of(new Component(Kind.BODY, null, "Вітаємо, {{1}}! Замовлення {{2}} готове.", List.of())));
    static final MessageTemplate ORDER_READY_EN = new MessageTemplate(
            "order_ready",
            "en",
            "UTILITY",
            List.of(new Component(Kind.BODY, null, "Hello {{1}}, order {{2}} is ready.", List.of())));
    static final MessageTemplate COURIER = new MessageTemplate(
            "courier_slot",
            "en",
            "UTILITY",
            List.of(new Component(Kind.BODY, null, "Hi {{first_name}}, the courier comes at {{slot}}.", List.of())));

    @Autowired
    StaffFixtures staff;

    @Autowired
    InboxFixtures inbox;

    @Autowired
    TemplateService templates;

    @Autowired
    WriteFirstService writeFirst;

    @Autowired
    PhoneChannelConnector provider;

    @Autowired
    DeliveryWorker worker;

    @Autowired
    JdbcClient jdbc;

    StaffMember admin;
    StaffMember anna;
    ChannelInfo whatsapp;
    long olena;

    @BeforeEach
    void aPhoneChannelWithTemplates() {
        admin = staff.administrator("olha");
        anna = staff.manager("anna");
        provider.reset();
        provider.templateToStart = true;
        provider.templates = List.of(ORDER_READY, ORDER_READY_EN, COURIER);
        whatsapp = inbox.channel(ChannelType.WHATSAPP, "WhatsApp", anna);
        // Connected (webhook mode): the delivery worker sends its messages.
        jdbc.sql("update channel set mode = 'WEBHOOK' where id = ?")
                .param(whatsapp.id())
                .update();
        long chat = inbox.newChat(inbox.channel("Telegram bot", anna), "Olena Bondar");
        olena = jdbc.sql("select client_id from conversation where id = ?")
                .param(chat)
                .query(Long.class)
                .single();
        jdbc.sql("update client set phone = '+380671234567', phone_verified = true where id = ?")
                .param(olena)
                .update();
    }

    @AfterEach
    void plainPhoneChannelAgain() {
        provider.reset();
    }

    @Test
    void theSyncStoresTheProvidersListAndReplacesItNextTime() {
        staff.signInAs(admin);
        var state = templates.syncNow(whatsapp.id());

        assertThat(state.templates()).isEqualTo(3);
        assertThat(state.syncedAt()).isNotNull();
        staff.signInAs(anna);
        assertThat(templates.templates(whatsapp.id(), null, null))
                .extracting(MessageTemplate::name, MessageTemplate::language)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("courier_slot", "en"),
                        org.assertj.core.groups.Tuple.tuple("order_ready", "en"),
                        org.assertj.core.groups.Tuple.tuple("order_ready", "uk"));
        assertThat(templates.templates(whatsapp.id(), "courier comes", null))
                .extracting(MessageTemplate::name)
                .containsExactly("courier_slot");
        assertThat(templates.templates(whatsapp.id(), "order", "uk")).containsExactly(ORDER_READY);
        assertThat(templates.languages(whatsapp.id())).containsExactly("en", "uk");

        provider.templates = List.of(COURIER);
        assertThat(SystemAccess.call(templates::syncAll)).isEqualTo(1);
        assertThat(templates.templates(whatsapp.id(), null, null)).containsExactly(COURIER);
    }

    @Test
    void aFailedSyncKeepsTheLastListAndRecordsTheReason() {
        staff.signInAs(admin);
        templates.syncNow(whatsapp.id());
        provider.templatesFailure =
                new ProviderErrors.ProviderException(190, "The access token has expired (code 190)");

        var state = templates.syncNow(whatsapp.id());

        assertThat(state.error()).isEqualTo("The access token has expired (code 190)");
        assertThat(state.templates()).isEqualTo(3);
        assertThat(templates.templates(whatsapp.id(), null, null)).hasSize(3);
    }

    @Test
    void writingFirstWithATemplateShowsTheRenderedTextAndSendsTheTemplate() {
        staff.signInAs(admin);
        templates.syncNow(whatsapp.id());
        staff.signInAs(anna);

        long chat = writeFirst.writeTemplate(
                olena, whatsapp.id(), "order_ready", "uk", Map.of(), Map.of("1", "Олено", "2", "№ 1042"), null);
        worker.drain();

        assertThat(jdbc.sql("select body from message where conversation_id = ? and kind = 'MANAGER'")
                        .param(chat)
                        .query(String.class)
                        .single())
                .isEqualTo("Вітаємо, Олено! Замовлення № 1042 готове.");
        assertThat(provider.sent).singleElement().satisfies(message -> {
            assertThat(message.recipientExternalUserId()).isEqualTo("380671234567");
            assertThat(message.template().name()).isEqualTo("order_ready");
            assertThat(message.template().language()).isEqualTo("uk");
            assertThat(message.template().body()).containsExactly(Map.entry("1", "Олено"), Map.entry("2", "№ 1042"));
            assertThat(message.text()).isEqualTo("Вітаємо, Олено! Замовлення № 1042 готове.");
        });
    }

    @Test
    void namedParametersAreSentByName() {
        staff.signInAs(admin);
        templates.syncNow(whatsapp.id());
        staff.signInAs(anna);

        writeFirst.writeTemplate(
                olena,
                whatsapp.id(),
                "courier_slot",
                "en",
                Map.of(),
                Map.of("first_name", "Olena", "slot", "10:00–12:00", "unrelated", "ignored"),
                null);
        worker.drain();

        assertThat(provider.sent.getFirst().template().body())
                .containsExactly(Map.entry("first_name", "Olena"), Map.entry("slot", "10:00–12:00"));
    }

    @Test
    void everyParameterNeedsAValueAndOnlyTheChannelsTemplatesCanBeSent() {
        staff.signInAs(admin);
        templates.syncNow(whatsapp.id());
        staff.signInAs(anna);

        assertThatThrownBy(() -> writeFirst.writeTemplate(
                        olena, whatsapp.id(), "order_ready", "uk", Map.of(), Map.of("1", "Олено"), null))
                .isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).messageKey())
                .isEqualTo("templates.error.parameter-missing");
        assertThatThrownBy(
                        () -> writeFirst.writeTemplate(olena, whatsapp.id(), "made_up", "uk", Map.of(), Map.of(), null))
                .isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).messageKey())
                .isEqualTo("templates.error.gone");
        assertThat(jdbc.sql("select count(*) from conversation where channel_id = ?")
                        .param(whatsapp.id())
                        .query(Integer.class)
                        .single())
                .as("nothing started")
                .isZero();
    }

    @Test
    void onlyUsersOfTheChannelSeeItsTemplates() {
        staff.signInAs(admin);
        templates.syncNow(whatsapp.id());
        staff.signInAs(staff.manager("max"));

        assertThatThrownBy(() -> templates.templates(whatsapp.id(), null, null)).isInstanceOf(NotFoundException.class);
    }
}
