package com.omnichat.channel.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.BrowserlessViewTest;
import com.omnichat.base.SystemAccess;
import com.omnichat.channel.ChannelAdministration;
import com.omnichat.channel.ChannelDetails;
import com.omnichat.channel.ChannelDraft;
import com.omnichat.channel.ChannelMode;
import com.omnichat.channel.ChannelService;
import com.omnichat.channel.ChannelType;
import com.omnichat.user.StaffMember;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Administration → Channels, as an administrator connects a bot and gives managers access. */
class ChannelsViewTest extends BrowserlessViewTest {

    @Autowired
    ChannelAdministration administration;

    @Autowired
    ChannelService channels;

    @Autowired
    com.omnichat.channel.PhoneChannelConnector provider;

    StaffMember anna;
    ChannelsView view;

    @BeforeEach
    void administratorOpensChannels() {
        anna = staff.manager("anna");
        staff.manager("max");
        SystemAccess.run(() -> channels.createDemo(ChannelType.WEBCHAT, "Site chat · flowershop.ua", Set.of()));
        signInAndOpenApp(staff.administrator("olena"));
        view = navigate(ChannelsView.class);
    }

    @Test
    void theAdministrationMenuListsChannels() {
        assertThat(sideNavLabels()).contains("Channels");
        assertThat(viewTitle()).isEqualTo("Channels");
    }

    @Test
    void theGridShowsTypeConnectionAndState() {
        var grid = test(view.grid);

        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getCellText(0, 1)).isEqualTo("Site chat");
        assertThat(grid.getCellText(0, 2)).isEqualTo("Demo (no provider)");
    }

    @Test
    void anAdministratorConnectsATelegramBotAndGrantsAccess() {
        test(view.create).click();
        ChannelDialog dialog = $(ChannelDialog.class).single();
        test(dialog.type).selectItem("Telegram bot");
        test(dialog.name).setValue("Telegram · @flowershop_bot");
        test(dialog.mode).selectItem("Webhook");
        test($(PasswordField.class).single()).setValue("7000001:AAE-secret");
        test(dialog.access).selectItem("Anna Tester");

        test(dialog.save).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(lastNotification()).isEqualTo("Channel saved: Telegram · @flowershop_bot");
        ChannelDetails saved = administration.list().stream()
                .filter(c -> c.type() == ChannelType.TELEGRAM)
                .findFirst()
                .orElseThrow();
        assertThat(saved.mode()).isEqualTo(ChannelMode.WEBHOOK);
        assertThat(saved.secretsSet()).contains("botToken", "webhookSecret");
        assertThat(saved.userIds()).containsExactly(anna.id());
        assertThat(saved.webhookUrl()).startsWith("http://localhost:8080/webhooks/telegram/");
        assertThat(test(view.grid).size()).isEqualTo(2);
    }

    @Test
    void aTokenIsRequiredToConnect() {
        test(view.create).click();
        ChannelDialog dialog = $(ChannelDialog.class).single();
        test(dialog.type).selectItem("Viber bot");
        test(dialog.name).setValue("Viber · Flower Shop");

        test(dialog.save).click();

        assertThat(dialog.isOpened()).isTrue();
        PasswordField token = $(PasswordField.class, dialog).first();
        assertThat(token.isInvalid()).isTrue();
        assertThat(token.getErrorMessage()).isEqualTo("Enter the token to connect the channel");
    }

    @Test
    void editingKeepsTheStoredSecretAndShowsStatusAndFailedEvents() {
        ChannelDetails viber = administration.save(new ChannelDraft(
                null,
                ChannelType.VIBER,
                "Viber · Flower Shop",
                ChannelMode.WEBHOOK,
                Map.of("authToken", "viber-token-1"),
                Map.of("welcomeText", "Hi!"),
                true));
        view.refresh();
        test(view.grid).clickRow(1);
        ChannelDialog dialog = $(ChannelDialog.class).single();
        assertThat($(PasswordField.class).single().getPlaceholder()).contains("Saved");
        assertThat($(TextArea.class).single().getValue()).isEqualTo("Hi!");
        dialog.tabs.setSelectedIndex(2);
        assertThat($(ChannelStatusPanel.class).single().webhookUrl.getValue())
                .isEqualTo("http://localhost:8080/webhooks/viber/"
                        + viber.webhookUrl().replaceAll(".*/", ""));

        dialog.tabs.setSelectedIndex(3);
        assertThat(test($(FailedEventsPanel.class).single().grid).size()).isZero();
        test(dialog.save).click();

        assertThat(administration.get(viber.id()).secretsSet()).containsExactly("authToken");
        assertThat(administration.get(viber.id()).settings()).containsEntry("welcomeText", "Hi!");
    }

    @Test
    void anAdministratorConnectsAViberBusinessNumber() {
        test(view.create).click();
        ChannelDialog dialog = $(ChannelDialog.class).single();
        test(dialog.type).selectItem("Viber business number");
        test(dialog.name).setValue("Viber · +380 44 000 00 00");
        test(dialog.mode).selectItem("Webhook");
        var secrets = $(PasswordField.class).all();
        assertThat(secrets)
                .extracting(PasswordField::getLabel)
                .containsExactly(
                        "Infobip API key",
                        "Webhook password (enter it at Infobip as the Basic authentication password)");
        test(secrets.get(0)).setValue("infobip-api-key");
        test(secrets.get(1)).setValue("webhook-password-2026");
        var settings = $(com.vaadin.flow.component.textfield.TextField.class).all().stream()
                .filter(f -> f.getLabel() != null
                        && (f.getLabel().startsWith("Infobip base URL")
                                || f.getLabel().startsWith("Viber sender")))
                .toList();
        assertThat(settings).hasSize(2);
        test(settings.get(0)).setValue("xyz12.api.infobip.com");
        test(settings.get(1)).setValue("FlowerShop");

        test(dialog.save).click();

        ChannelDetails saved = administration.list().stream()
                .filter(c -> c.type() == ChannelType.VIBER_BUSINESS)
                .findFirst()
                .orElseThrow();
        assertThat(saved.secretsSet()).containsExactlyInAnyOrder("apiKey", "webhookPassword");
        assertThat(saved.settings())
                .containsEntry("baseUrl", "xyz12.api.infobip.com")
                .containsEntry("sender", "FlowerShop");
        assertThat(saved.webhookUrl()).startsWith("http://localhost:8080/webhooks/viber_business/");
    }

    @Test
    void aChannelWithTemplatesShowsThemWithTheLastSync() {
        provider.templateToStart = true;
        provider.templates = java.util.List.of(new com.omnichat.channel.MessageTemplate(
                "order_ready",
                "uk",
                "UTILITY",
                java.util.List.of(new com.omnichat.channel.MessageTemplate.Component(
                        com.omnichat.channel.MessageTemplate.Kind.BODY,
                        null,
                        "Замовлення {{1}} готове",
                        java.util.List.of()))));
        try {
            ChannelDetails whatsapp = administration.save(new ChannelDraft(
                    null, ChannelType.WHATSAPP, "WhatsApp", ChannelMode.WEBHOOK, Map.of(), Map.of(), true));
            view.refresh();
            test(view.grid).clickRow(1);
            ChannelDialog dialog = $(ChannelDialog.class).single();
            dialog.tabs.setSelectedIndex(4);
            TemplatesPanel panel = $(TemplatesPanel.class).single();
            assertThat(panel.lastSync.getText()).isEqualTo("Not synced yet");

            test(panel.sync).click();

            assertThat(test(panel.grid).size()).isEqualTo(1);
            assertThat(test(panel.grid).getCellText(0, 0)).isEqualTo("order_ready");
            assertThat(test(panel.grid).getCellText(0, 3)).isEqualTo("Замовлення {{1}} готове");
            assertThat(panel.lastSync.getText()).startsWith("Last sync ").endsWith(": 1 templates");

            provider.templatesFailure = new com.omnichat.channel.connector.ProviderErrors.ProviderException(
                    100, "Meta: Unsupported get request (code 100)");
            test(panel.sync).click();
            assertThat(panel.error.isVisible()).isTrue();
            assertThat(panel.error.getText()).endsWith(": Meta: Unsupported get request (code 100)");
            assertThat(test(panel.grid).size()).as("the last list stays").isEqualTo(1);
            assertThat(whatsapp.capabilities()).contains(com.omnichat.channel.Capability.TEMPLATES);
        } finally {
            provider.reset();
        }
    }
}
