package com.omnichat.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.BrowserlessViewTest;
import com.omnichat.base.SystemAccess;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelService;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.MessageTemplate;
import com.omnichat.user.StaffMember;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** "Write message" on the chats page, as a manager uses it, without a browser. */
class WriteMessageDialogTest extends BrowserlessViewTest {

    @Autowired
    ChannelService channels;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    com.omnichat.channel.PhoneChannelConnector phoneConnector;

    @Autowired
    com.omnichat.channel.TemplateService templates;

    private StaffMember anna;
    private ChannelInfo telegram;
    private ChannelInfo viber;
    private ChannelInfo whatsapp;
    private long olenaChat;
    private long olena;

    @BeforeEach
    void annaHasTwoBotsAndAPhoneChannel() {
        anna = staff.manager("anna");
        telegram =
                SystemAccess.call(() -> channels.createDemo(ChannelType.TELEGRAM, "Telegram bot", Set.of(anna.id())));
        viber = SystemAccess.call(() -> channels.createDemo(ChannelType.VIBER, "Viber bot", Set.of(anna.id())));
        whatsapp = inbox.channel(ChannelType.WHATSAPP, "WhatsApp", anna);
        olenaChat = inbox.newChat(telegram, "Olena Bondar");
        olena = jdbc.sql("select client_id from conversation where id = ?")
                .param(olenaChat)
                .query(Long.class)
                .single();
    }

    @Test
    void theDialogOffersWhatCanReachTheClientAndSaysWhyNotTheRest() {
        signInAndOpenApp(anna);
        navigate(ChatsView.class);

        test($(Button.class).withText("Write message").single()).click();
        WriteMessageDialog dialog = $(WriteMessageDialog.class).single();
        test(dialog.client).selectItem("Olena Bondar");

        assertThat(dialog.channel
                        .getListDataView()
                        .getItems()
                        .map(c -> c.channel().name()))
                .containsExactly("Telegram bot", "Viber bot", "WhatsApp");
        // The only channel that reaches her is chosen already.
        assertThat(dialog.channel.getValue().channel().id()).isEqualTo(telegram.id());
        assertThat(enabledChannels(dialog)).containsExactly("Telegram bot");
        assertThat(reasons(dialog))
                .containsExactly(
                        "Goes to the existing chat with this client.",
                        "Can only answer: Olena Bondar has not written through this channel yet.",
                        "Needs the client’s phone: add it in the card.");
        assertThat(dialog.send.isEnabled()).isFalse();

        test(dialog.text).setValue("Your bouquet is ready");
        test(dialog.send).click();

        assertThat(dialog.isOpened()).isFalse();
        ChatsView view = (ChatsView) getCurrentView();
        assertThat(view.window.conversationId()).isEqualTo(olenaChat);
        assertThat(jdbc.sql("select body from message where conversation_id = ? and kind = 'MANAGER'")
                        .param(olenaChat)
                        .query(String.class)
                        .list())
                .containsExactly("Your bouquet is ready");
    }

    @Test
    void withAPhoneInTheCardThePhoneChannelStartsANewChat() {
        jdbc.sql("update client set phone = '+380671234567' where id = ?")
                .param(olena)
                .update();
        signInAndOpenApp(anna);
        navigate(ChatsView.class);
        test($(Button.class).withText("Write message").single()).click();
        WriteMessageDialog dialog = $(WriteMessageDialog.class).single();

        test(dialog.client).setFilter("067123");
        test(dialog.client).selectItem("Olena Bondar");
        assertThat(enabledChannels(dialog)).containsExactlyInAnyOrder("Telegram bot", "WhatsApp");
        assertThat(reasons(dialog)).contains("Starts the dialog by the phone in the card (+380671234567).");
        dialog.channel.setValue(dialog.channel
                .getListDataView()
                .getItems()
                .filter(c -> c.channel().id() == whatsapp.id())
                .findFirst()
                .orElseThrow());
        test(dialog.text).setValue("Hello from the shop");
        test(dialog.send).click();

        ChatsView view = (ChatsView) getCurrentView();
        assertThat(view.window.conversationId()).isNotEqualTo(olenaChat);
        assertThat(jdbc.sql("select channel_id from conversation where id = ?")
                        .param(view.window.conversationId())
                        .query(Long.class)
                        .single())
                .isEqualTo(whatsapp.id());
    }

    @Test
    void aClientNoChannelReachesIsExplained() {
        signInAndOpenApp(anna);
        navigate(ChatsView.class);
        ChatsView view = (ChatsView) getCurrentView();
        // Olena is known only on the Telegram bot; switched off, nothing can reach her.
        jdbc.sql("update channel set enabled = false where id = ?")
                .param(telegram.id())
                .update();
        test(view.writeButton).click();
        WriteMessageDialog dialog = view.writeButton.dialog;

        test(dialog.client).selectItem("Olena Bondar");

        assertThat(enabledChannels(dialog)).isEmpty();
        assertThat(dialog.noChannel.isVisible()).isTrue();
        assertThat(dialog.noChannel.getText()).contains("None of your channels can reach Olena Bondar");
    }

    @Test
    void aLinkToAClientWithoutAChatOnTheChannelOpensTheDialogPreselected() {
        jdbc.sql("update client set phone = '+380671234567' where id = ?")
                .param(olena)
                .update();
        signInAndOpenApp(anna);

        link(olena, whatsapp);

        WriteMessageDialog dialog = $(WriteMessageDialog.class).single();
        assertThat(dialog.client.getValue().id()).isEqualTo(olena);
        assertThat(dialog.channel.getValue().channel().id()).isEqualTo(whatsapp.id());
    }

    @Test
    void aLinkToAClientWithAChatOnTheChannelOpensTheChat() {
        signInAndOpenApp(anna);

        link(olena, telegram);

        assertThat($(WriteMessageDialog.class).all()).isEmpty();
        assertThat(((ChatsView) getCurrentView()).window.conversationId()).isEqualTo(olenaChat);
    }

    @Test
    void theDialogSaysTelegramBotsCanOnlyAnswer() {
        signInAndOpenApp(anna);
        navigate(ChatsView.class);
        test($(Button.class).withText("Write message").single()).click();
        WriteMessageDialog dialog = $(WriteMessageDialog.class).single();

        assertThat(dialog.telegramNote.isVisible()).isTrue();
        assertThat(dialog.telegramNote.getText())
                .startsWith("Telegram bots can only answer clients who wrote to them first");
    }

    @Test
    void aChannelThatStartsWithATemplateOnlyTakesNoFreeText() {
        jdbc.sql("update client set phone = '+380671234567' where id = ?")
                .param(olena)
                .update();
        phoneConnector.templateToStart = true;
        try {
            signInAndOpenApp(anna);
            navigate(ChatsView.class);
            ChatsView view = (ChatsView) getCurrentView();
            test(view.writeButton).click();
            WriteMessageDialog dialog = view.writeButton.dialog;
            test(dialog.client).selectItem("Olena Bondar");
            dialog.channel.setValue(dialog.channel
                    .getListDataView()
                    .getItems()
                    .filter(c -> c.channel().id() == whatsapp.id())
                    .findFirst()
                    .orElseThrow());

            assertThat(dialog.templateNeeded.isVisible()).isTrue();
            assertThat(dialog.templateNeeded.getText()).startsWith("WhatsApp starts a dialog only with an approved");
            assertThat(dialog.text.isEnabled()).isFalse();
            assertThat(dialog.send.isEnabled()).isFalse();
            // Back on the bot she wrote to, free text is fine.
            dialog.channel.setValue(dialog.channel
                    .getListDataView()
                    .getItems()
                    .filter(c -> c.channel().id() == telegram.id())
                    .findFirst()
                    .orElseThrow());
            assertThat(dialog.templateNeeded.isVisible()).isFalse();
            assertThat(dialog.text.isEnabled()).isTrue();
        } finally {
            phoneConnector.templateToStart = false;
        }
    }

    @Test
    void aNumberTheProviderCannotReachIsReportedAndNoChatStarts() {
        jdbc.sql("update client set phone = '+380671234567' where id = ?")
                .param(olena)
                .update();
        phoneConnector.notOnProvider.add("+380671234567");
        try {
            signInAndOpenApp(anna);
            navigate(ChatsView.class);
            test($(Button.class).withText("Write message").single()).click();
            WriteMessageDialog dialog = $(WriteMessageDialog.class).single();
            test(dialog.client).selectItem("Olena Bondar");
            dialog.channel.setValue(dialog.channel
                    .getListDataView()
                    .getItems()
                    .filter(c -> c.channel().id() == whatsapp.id())
                    .findFirst()
                    .orElseThrow());
            test(dialog.text).setValue("Hello");
            test(dialog.send).click();

            assertThat(dialog.isOpened())
                    .as("stays open to choose another channel")
                    .isTrue();
            assertThat(lastNotification()).isEqualTo("The number +380 67 123 4567 cannot be reached on WhatsApp.");
            assertThat(jdbc.sql("select count(*) from conversation where channel_id = ?")
                            .param(whatsapp.id())
                            .query(Integer.class)
                            .single())
                    .isZero();
        } finally {
            phoneConnector.notOnProvider.clear();
        }
    }

    @Test
    void aTemplateIsPickedFilledInPreviewedAndSent() {
        jdbc.sql("update client set phone = '+380671234567' where id = ?")
                .param(olena)
                .update();
        jdbc.sql("update channel set mode = 'WEBHOOK' where id = ?")
                .param(whatsapp.id())
                .update();
        phoneConnector.reset();
        phoneConnector.templateToStart = true;
        phoneConnector.templates = List.of(
                new MessageTemplate(
                        "order_ready",
                        "uk",
                        "UTILITY",
                        List.of(new MessageTemplate.Component(
                                MessageTemplate.Kind.BODY,
                                null,
                                "Вітаємо, {{1}}! Замовлення {{2}} готове. <b>Flower Shop</b>",
                                List.of()))),
                new MessageTemplate(
                        "courier_slot",
                        "en",
                        "UTILITY",
                        List.of(new MessageTemplate.Component(
                                MessageTemplate.Kind.BODY,
                                null,
                                "Hi {{first_name}}, {{manager_name}} here: courier at {{slot}}.",
                                List.of()))));
        try {
            SystemAccess.call(() -> templates.syncNow(whatsapp.id()));
            signInAndOpenApp(anna);
            navigate(ChatsView.class);
            test($(Button.class).withText("Write message").single()).click();
            WriteMessageDialog dialog = $(WriteMessageDialog.class).single();
            test(dialog.client).selectItem("Olena Bondar");
            dialog.channel.setValue(dialog.channel
                    .getListDataView()
                    .getItems()
                    .filter(c -> c.channel().id() == whatsapp.id())
                    .findFirst()
                    .orElseThrow());

            TemplatePicker picker = dialog.picker;
            assertThat(picker).isNotNull();
            assertThat(dialog.text.isVisible()).isFalse();
            test(picker.search).setValue("courier");
            assertThat(picker.list.getValue().name())
                    .as("the only match is chosen")
                    .isEqualTo("courier_slot");
            // Prefilled from what we know: her name, the manager's.
            assertThat(picker.bodyInputs.get("first_name").getValue()).isEqualTo("Olena Bondar");
            assertThat(picker.bodyInputs.get("manager_name").getValue()).isEqualTo(anna.fullName());
            assertThat(picker.bodyInputs.get("slot").getValue()).isEmpty();
            assertThat(dialog.send.isEnabled()).as("a parameter is empty").isFalse();

            test(picker.search).clear();
            test(picker.language).selectItem("uk");
            assertThat(picker.list.getValue().name()).isEqualTo("order_ready");
            test(picker.bodyInputs.get("2")).setValue("№ 1042");
            assertThat(picker.preview.getText())
                    .isEqualTo("Вітаємо, Olena Bondar! Замовлення № 1042 готове. <b>Flower Shop</b>");
            assertThat(picker.preview.getElement().getChildCount()).isEqualTo(1);
            assertThat(picker.preview.getElement().getChild(0).isTextNode())
                    .as("text, never markup")
                    .isTrue();
            assertThat(dialog.send.isEnabled()).isTrue();
            test(dialog.send).click();

            ChatsView view = (ChatsView) getCurrentView();
            assertThat(jdbc.sql("select body from message where conversation_id = ? and kind = 'MANAGER'")
                            .param(view.window.conversationId())
                            .query(String.class)
                            .single())
                    .isEqualTo("Вітаємо, Olena Bondar! Замовлення № 1042 готове. <b>Flower Shop</b>");
            assertThat(jdbc.sql("select template from message where conversation_id = ? and kind = 'MANAGER'")
                            .param(view.window.conversationId())
                            .query(String.class)
                            .single())
                    .contains("\"order_ready\"");
        } finally {
            phoneConnector.reset();
        }
    }

    /** The order card's "Write": /chats?client=ID&channel=CH. */
    private void link(long clientId, ChannelInfo channel) {
        com.vaadin
                .flow
                .component
                .UI
                .getCurrent()
                .navigate(
                        "chats",
                        com.vaadin.flow.router.QueryParameters.fromString(
                                "client=" + clientId + "&channel=" + channel.id()));
    }

    private java.util.List<String> enabledChannels(WriteMessageDialog dialog) {
        return dialog.channel
                .getListDataView()
                .getItems()
                .filter(c -> c.offered())
                .map(c -> c.channel().name())
                .toList();
    }

    private java.util.List<String> reasons(WriteMessageDialog dialog) {
        return $(Span.class, dialog).withClassName("write-channel-reason").all().stream()
                .map(Span::getText)
                .toList();
    }
}
