package com.omnichat.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.BrowserlessViewTest;
import com.omnichat.base.SystemAccess;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.ClientProfile;
import com.omnichat.channel.MessageTemplate;
import com.omnichat.channel.PhoneChannelConnector;
import com.omnichat.channel.TemplateService;
import com.omnichat.user.StaffMember;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The 24-hour customer service window of a WhatsApp-like channel in the chat window: inside
 * it the composer works as anywhere; outside it free text is off with the reason and a
 * template picker; a message refused for the closed window offers the picker too.
 */
class WhatsAppWindowTest extends BrowserlessViewTest {

    @Autowired
    PhoneChannelConnector provider;

    @Autowired
    TemplateService templates;

    @Autowired
    JdbcClient jdbc;

    StaffMember anna;
    ChannelInfo whatsapp;
    long chat;

    @BeforeEach
    void aWhatsAppChatWhoseClientWroteTwoDaysAgo() {
        anna = staff.manager("anna");
        provider.reset();
        provider.templateToStart = true;
        provider.templates = List.of(new MessageTemplate(
                "order_ready",
                "uk",
                "UTILITY",
                List.of(new MessageTemplate.Component(
                        MessageTemplate.Kind.BODY, null, "Вітаємо, {{1}}! Замовлення готове.", List.of()))));
        whatsapp = inbox.channel(ChannelType.WHATSAPP, "WhatsApp", anna);
        jdbc.sql("update channel set mode = 'WEBHOOK' where id = ?")
                .param(whatsapp.id())
                .update();
        SystemAccess.call(() -> templates.syncNow(whatsapp.id()));
        chat = inbox.write(
                        whatsapp,
                        new ClientProfile("380671234567", "Olena Bondar", null, null),
                        "Є півонії?",
                        Instant.now().minus(Duration.ofHours(49)))
                .conversationId();
        jdbc.sql("update message set created_at = now() - interval '49 hours' where conversation_id = ?")
                .param(chat)
                .update();
    }

    @AfterEach
    void plainPhoneChannelAgain() {
        provider.reset();
    }

    @Test
    void outsideTheWindowFreeTextIsOffAndATemplateGoesOut() {
        signInAndOpenApp(anna);
        open("chats/" + chat);
        ChatsView view = (ChatsView) getCurrentView();

        assertThat(view.window.windowClosed.isVisible()).isTrue();
        assertThat(view.window.windowClosed.getElement().getTextRecursively())
                .contains("The client last wrote more than 24 hours ago");
        assertThat(view.window.composer.input.isEnabled()).isFalse();
        assertThat(view.window.composer.send.isEnabled()).isFalse();

        view.window.openTemplates();
        roundTrip();
        TemplateDialog dialog = view.window.templateDialog;
        assertThat(dialog.picker.list.getValue().name()).isEqualTo("order_ready");
        assertThat(dialog.picker.bodyInputs.get("1").getValue()).isEqualTo("Olena Bondar");
        test(dialog.send).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(jdbc.sql("select body from message where conversation_id = ? and kind = 'MANAGER'")
                        .param(chat)
                        .query(String.class)
                        .list())
                .containsExactly("Вітаємо, Olena Bondar! Замовлення готове.");
        assertThat(view.window.windowClosed.isVisible())
                .as("still closed until she answers")
                .isTrue();
    }

    @Test
    void whenTheClientAnswersFreeTextIsAllowed() {
        inbox.write(
                whatsapp, new ClientProfile("380671234567", "Olena Bondar", null, null), "Так, дякую", Instant.now());
        signInAndOpenApp(anna);
        open("chats/" + chat);
        ChatsView view = (ChatsView) getCurrentView();

        assertThat(view.window.windowClosed.isVisible()).isFalse();
        assertThat(view.window.composer.input.isEnabled()).isTrue();
    }

    @Test
    void aMessageRefusedForTheClosedWindowOffersTheTemplatePicker() {
        inbox.write(
                whatsapp, new ClientProfile("380671234567", "Olena Bondar", null, null), "Так, дякую", Instant.now());
        signInAndOpenApp(anna);
        open("chats/" + chat);
        ChatsView view = (ChatsView) getCurrentView();
        test(view.window.composer.input).setValue("Привіт");
        test(view.window.composer.send).click();
        jdbc.sql("""
                update message set delivery_status = 'FAILED', failure_reason = 'WhatsApp: the 24-hour window has closed \
                (the client last wrote more than 24 hours ago); send an approved template (code 131047)'
                where conversation_id = ? and kind = 'MANAGER'""").param(chat).update();

        view.window.refresh();

        var choose = $(com.vaadin.flow.component.button.Button.class, view.window)
                .withClassName("choose-template")
                .single();
        test(choose).click();
        assertThat(view.window.templateDialog.isOpened()).isTrue();
    }
}
