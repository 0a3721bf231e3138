package com.omnichat.channel.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.BrowserlessViewTest;
import com.omnichat.base.SystemAccess;
import com.omnichat.channel.ChannelAdministration;
import com.omnichat.channel.ChannelDetails;
import com.omnichat.channel.ChannelMode;
import com.omnichat.channel.ChannelService;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.internal.ChannelStateStore;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Administration → Channels for Instagram: app secret, access token, the webhook URL and verify token, errors. */
class MetaChannelDialogTest extends BrowserlessViewTest {

    @Autowired
    ChannelAdministration administration;

    @Autowired
    ChannelService channels;

    @Autowired
    ChannelStateStore state;

    ChannelsView view;

    @BeforeEach
    void administratorOpensChannels() {
        SystemAccess.run(() -> channels.createDemo(ChannelType.WEBCHAT, "Site chat · flowershop.ua", Set.of()));
        signInAndOpenApp(staff.administrator("olena"));
        view = navigate(ChannelsView.class);
    }

    @Test
    void anAdministratorConnectsInstagramAndGetsTheWebhookUrlAndVerifyTokenToPasteIntoTheMetaApp() {
        test(view.create).click();
        ChannelDialog dialog = $(ChannelDialog.class).single();
        test(dialog.type).selectItem("Instagram");
        test(dialog.name).setValue("Instagram · @flowershop");
        test(dialog.mode).selectItem("Webhook");
        var secrets = $(PasswordField.class).all();
        assertThat(secrets)
                .extracting(PasswordField::getLabel)
                .containsExactly("App secret (Meta app → App settings → Basic)", "Access token");
        test(secrets.get(0)).setValue("0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        test(secrets.get(1)).setValue("IGAAtestinstagramusertoken0123456789");

        test(dialog.save).click();

        assertThat(lastNotification()).isEqualTo("Channel saved: Instagram · @flowershop");
        ChannelDetails saved = administration.list().stream()
                .filter(c -> c.type() == ChannelType.INSTAGRAM)
                .findFirst()
                .orElseThrow();
        assertThat(saved.mode()).isEqualTo(ChannelMode.WEBHOOK);
        assertThat(saved.secretsSet()).containsExactlyInAnyOrder("appSecret", "accessToken", "verifyToken");

        test(view.grid).clickRow(rowOf("Instagram · @flowershop"));
        ChannelDialog edit = $(ChannelDialog.class).last();
        edit.tabs.setSelectedIndex(2);
        ChannelStatusPanel status = $(ChannelStatusPanel.class).single();
        assertThat(status.webhookUrl.getValue()).startsWith("http://localhost:8080/webhooks/instagram/");
        TextField verify = $(TextField.class).withClassName("verify-token").single();
        assertThat(verify.getValue())
                .isEqualTo(administration.webhookVerifyToken(saved.id()).orElseThrow())
                .hasSizeGreaterThan(30);
        assertThat(verify.isReadOnly()).isTrue();
    }

    @Test
    void aRevokedTokenShowsTheChannelInErrorWithTheReason() {
        ChannelDetails messenger = administration.save(new com.omnichat.channel.ChannelDraft(
                null,
                ChannelType.FACEBOOK,
                "Messenger · Flower Shop",
                ChannelMode.WEBHOOK,
                java.util.Map.of("appSecret", "s3cr3t-app", "accessToken", "EAAGpagetoken"),
                java.util.Map.of(),
                true));
        state.error(
                messenger.id(),
                "Meta: the access token has expired or was revoked; an administrator must enter "
                        + "a new one in Administration → Channels (code 190/463)");

        view.refresh();

        int row = rowOf("Messenger · Flower Shop");
        // The status badge (a template column) reads "Error" for a channel with a last error.
        assertThat(test(view.grid).getRow(row).runtime().lastError()).isNotNull();
        assertThat(test(view.grid).getCellText(row, 4)).contains("access token has expired or was revoked");
    }

    private int rowOf(String name) {
        var grid = test(view.grid);
        for (int i = 0; i < grid.size(); i++) {
            if (grid.getRow(i).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("No row " + name);
    }
}
