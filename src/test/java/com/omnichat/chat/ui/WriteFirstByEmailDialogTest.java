package com.omnichat.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.BrowserlessViewTest;
import com.omnichat.base.SystemAccess;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelService;
import com.omnichat.channel.ChannelType;
import com.omnichat.user.StaffMember;
import com.vaadin.flow.component.button.Button;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** "Write message" to a client's e-mail: the e-mail channel is offered with the card's address and asks for a subject. */
class WriteFirstByEmailDialogTest extends BrowserlessViewTest {

    @Autowired
    ChannelService channels;

    @Autowired
    JdbcClient jdbc;

    private StaffMember anna;
    private ChannelInfo email;
    private long olena;

    @BeforeEach
    void aClientWhoWroteOnTelegramAndAnEmailChannel() {
        anna = staff.manager("anna");
        ChannelInfo telegram =
                SystemAccess.call(() -> channels.createDemo(ChannelType.TELEGRAM, "Telegram bot", Set.of(anna.id())));
        email = inbox.channel(ChannelType.EMAIL, "E-mail shop", anna);
        long chat = inbox.newChat(telegram, "Olena Bondar");
        olena = jdbc.sql("select client_id from conversation where id = ?")
                .param(chat)
                .query(Long.class)
                .single();
    }

    @Test
    void theSubjectIsAskedAndTheMessageStartsAThreadWithIt() {
        jdbc.sql("update client set email = 'olena@example.com', email_verified = true where id = ?")
                .param(olena)
                .update();
        signInAndOpenApp(anna);
        navigate(ChatsView.class);
        test($(Button.class).withText("Write message").single()).click();
        WriteMessageDialog dialog = $(WriteMessageDialog.class).single();
        test(dialog.client).selectItem("Olena Bondar");
        assertThat(dialog.subject.isVisible()).isFalse();

        dialog.channel.setValue(dialog.channel
                .getListDataView()
                .getItems()
                .filter(c -> c.channel().id() == email.id())
                .findFirst()
                .orElseThrow());
        assertThat(dialog.subject.isVisible()).isTrue();
        test(dialog.text).setValue("Your order 77 is ready.");
        assertThat(dialog.send.isEnabled()).as("no subject yet").isFalse();
        test(dialog.subject).setValue("Order 77");
        test(dialog.send).click();

        ChatsView view = (ChatsView) getCurrentView();
        long chat = view.window.conversationId();
        assertThat(jdbc.sql("select subject from conversation where id = ?")
                        .param(chat)
                        .query(String.class)
                        .single())
                .isEqualTo("Order 77");
        assertThat(jdbc.sql("select channel_id from conversation where id = ?")
                        .param(chat)
                        .query(Long.class)
                        .single())
                .isEqualTo(email.id());
    }

    @Test
    void withoutAnEmailInTheCardTheChannelSaysWhatIsMissing() {
        signInAndOpenApp(anna);
        navigate(ChatsView.class);
        test($(Button.class).withText("Write message").single()).click();
        WriteMessageDialog dialog = $(WriteMessageDialog.class).single();
        test(dialog.client).selectItem("Olena Bondar");

        var choice = dialog.channel
                .getListDataView()
                .getItems()
                .filter(c -> c.channel().id() == email.id())
                .findFirst()
                .orElseThrow();
        assertThat(choice.offered()).isFalse();
        assertThat(choice.reason().key()).isEqualTo("write.reason.needs-email");
    }
}
