package com.omnichat.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.BrowserlessViewTest;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.InboundMessage;
import com.omnichat.channel.MailDetails;
import com.omnichat.chat.MessageIngestion;
import com.omnichat.user.StaffMember;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An e-mail in the chat window: the subject in the top bar, HTML in a sandboxed frame that
 * runs nothing and loads no remote image until "Show images", quoted text behind "…",
 * an auto-reply marked as such.
 */
class MailMessageViewTest extends BrowserlessViewTest {

    @Autowired
    MessageIngestion ingestion;

    @Autowired
    TransactionTemplate tx;

    private StaffMember anna;
    private ChannelInfo email;

    @BeforeEach
    void anEmailChannel() {
        anna = staff.manager("anna");
        email = inbox.channel(ChannelType.EMAIL, "E-mail shop", anna);
    }

    @Test
    void anHtmlMailIsFramedWithoutScriptsAndRemoteImagesWaitForTheManager() {
        long chat = receive(
                "<h1>Spring</h1><img data-remote-src=\"https://tracker.example/p.gif\">",
                null,
                false,
                "Spring collection");
        signInAndOpenApp(anna);
        open("chats/" + chat);

        assertThat($(Span.class).withClassName("mail-subject").single().getText())
                .isEqualTo("Spring collection");
        IFrame frame = $(IFrame.class).withClassName("mail-frame").single();
        assertThat(frame.getElement().getAttribute("sandbox"))
                .contains("allow-same-origin")
                .doesNotContain("allow-scripts");
        String doc = frame.getElement().getAttribute("srcdoc");
        assertThat(doc)
                .contains("<h1>Spring</h1>")
                .contains("img-src 'self' data:;")
                .doesNotContain(" src=\"https://tracker.example");

        $(Button.class).withClassName("mail-show-images").single().click();

        String shown = $(IFrame.class)
                .withClassName("mail-frame")
                .single()
                .getElement()
                .getAttribute("srcdoc");
        assertThat(shown).contains("src=\"https://tracker.example/p.gif\"").contains("img-src 'self' data: https:");
        assertThat($(Button.class).withClassName("mail-show-images").exists()).isFalse();
    }

    @Test
    void quotedHistoryIsCollapsedAndAnAutoReplyIsMarked() {
        long chat = receive(null, "> earlier text", true, "Out of office");
        signInAndOpenApp(anna);
        open("chats/" + chat);

        Details quoted = $(Details.class).withClassName("mail-quoted").single();
        assertThat(quoted.isOpened()).isFalse();
        assertThat(quoted.getSummaryText()).isEqualTo("…");
        assertThat($(Span.class).withClassName("mail-automatic").single().getText())
                .isEqualTo("Automatic reply");
    }

    private long receive(String html, String quoted, boolean automatic, String subject) {
        return tx.execute(s -> ingestion
                .receive(new InboundMessage(
                        email.id(),
                        inbox.newClient("Olena", "olena@example.com"),
                        inbox.newMessageId(),
                        "Text of the mail",
                        List.of(),
                        List.of(),
                        null,
                        null,
                        inbox.nextMoment(),
                        new MailDetails(
                                subject,
                                subject.toLowerCase(),
                                List.of(),
                                html,
                                quoted,
                                automatic,
                                "olena@example.com")))
                .conversationId());
    }
}
