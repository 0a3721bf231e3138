package com.omnichat.channel.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.omnichat.BrowserlessViewTest;
import com.omnichat.base.SystemAccess;
import com.omnichat.channel.ChannelAdministration;
import com.omnichat.channel.ChannelDetails;
import com.omnichat.channel.ChannelDraft;
import com.omnichat.channel.ChannelMode;
import com.omnichat.channel.ChannelService;
import com.omnichat.channel.ChannelType;
import com.omnichat.user.StaffMember;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;

/** Administration → Channels, as an administrator connects a bot and gives managers access. */
class ChannelsViewTest extends BrowserlessViewTest {

    @Autowired
    ChannelAdministration administration;
    @Autowired
    ChannelService channels;

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
        assertThat(test($(Notification.class).last()).getText()).isEqualTo("Channel saved: Telegram · @flowershop_bot");
        ChannelDetails saved = administration.list().stream().filter(c -> c.type() == ChannelType.TELEGRAM)
                .findFirst().orElseThrow();
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
        assertThat(test($(Notification.class).last()).getText()).isEqualTo("Enter the token to connect the channel");
    }

    @Test
    void editingKeepsTheStoredSecretAndShowsStatusAndFailedEvents() {
        ChannelDetails viber = administration.save(new ChannelDraft(null, ChannelType.VIBER, "Viber · Flower Shop",
                ChannelMode.WEBHOOK, Map.of("authToken", "viber-token-1"), Map.of("welcomeText", "Hi!"), true));
        view.refresh();
        test(view.grid).clickRow(1);
        ChannelDialog dialog = $(ChannelDialog.class).single();
        assertThat($(PasswordField.class).single().getPlaceholder()).contains("Saved");
        assertThat($(TextArea.class).single().getValue()).isEqualTo("Hi!");
        dialog.tabs.setSelectedIndex(2);
        assertThat($(ChannelStatusPanel.class).single().webhookUrl.getValue())
                .isEqualTo("http://localhost:8080/webhooks/viber/" + viber.webhookUrl().replaceAll(".*/", ""));

        dialog.tabs.setSelectedIndex(3);
        assertThat(test($(FailedEventsPanel.class).single().grid).size()).isZero();
        test(dialog.save).click();

        assertThat(administration.get(viber.id()).secretsSet()).containsExactly("authToken");
        assertThat(administration.get(viber.id()).settings()).containsEntry("welcomeText", "Hi!");
    }
}
