package com.omnichat.channel.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.omnichat.BrowserlessViewTest;
import com.omnichat.channel.ChannelAdministration;
import com.omnichat.channel.ChannelDetails;
import com.omnichat.channel.ChannelMode;
import com.omnichat.channel.ChannelType;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An administrator connects a shop's mailbox (GreenMail IMAPS and SMTPS on loopback) and checks the connection. */
class EmailChannelDialogTest extends BrowserlessViewTest {

    @Autowired
    ChannelAdministration administration;

    GreenMail mail;

    @BeforeEach
    void mailbox() {
        mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTPS_IMAPS));
        mail.start();
        mail.setUser("shop@example.com", "shop@example.com", "mailbox-pass-2026");
        signInAndOpenApp(staff.administrator("olena"));
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    @Test
    void theFormAsksForBothServersAndCheckConnectionLogsIntoBoth() {
        ChannelsView view = navigate(ChannelsView.class);
        test(view.create).click();
        ChannelDialog dialog = $(ChannelDialog.class).single();
        test(dialog.type).selectItem("E-mail");
        test(dialog.name).setValue("E-mail · shop@example.com");
        test(dialog.mode).selectItem("Polling");
        field("E-mail address").setValue("shop@example.com");
        field("Sender name").setValue("Flower Shop");
        field("IMAP server").setValue("127.0.0.1");
        field("IMAP port (993 for SSL, 143 for STARTTLS)")
                .setValue(Integer.toString(mail.getImaps().getPort()));
        field("IMAP security: SSL, STARTTLS or NONE").setValue("SSL");
        field("SMTP server").setValue("127.0.0.1");
        field("SMTP port (465 for SSL, 587 for STARTTLS)")
                .setValue(Integer.toString(mail.getSmtps().getPort()));
        field("SMTP security: SSL, STARTTLS or NONE").setValue("SSL");
        secret("Login (usually the e-mail address)").setValue("shop@example.com");
        secret("Password").setValue("mailbox-pass-2026");
        test(dialog.save).click();

        ChannelDetails saved = administration.list().stream()
                .filter(c -> c.type() == ChannelType.EMAIL)
                .findFirst()
                .orElseThrow();
        assertThat(saved.mode()).isEqualTo(ChannelMode.POLLING);
        assertThat(saved.secretsSet()).containsExactlyInAnyOrder("login", "password");
        assertThat(saved.settings())
                .containsEntry("address", "shop@example.com")
                .doesNotContainKey("password");

        view.refresh();
        test(view.grid).clickRow(0);
        ChannelDialog edit = $(ChannelDialog.class).single();
        edit.tabs.setSelectedIndex(2);
        ChannelStatusPanel status = $(ChannelStatusPanel.class).single();
        test(status.check).click();
        assertThat(status.checkResult.getText()).isEqualTo("Connected as shop@example.com (0)");
    }

    private TextField field(String label) {
        return $(TextField.class).all().stream()
                .filter(f -> label.equals(f.getLabel()))
                .findFirst()
                .orElseThrow();
    }

    private PasswordField secret(String label) {
        return $(PasswordField.class).all().stream()
                .filter(f -> label.equals(f.getLabel()))
                .findFirst()
                .orElseThrow();
    }
}
