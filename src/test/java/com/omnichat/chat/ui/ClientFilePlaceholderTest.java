package com.omnichat.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.BrowserlessViewTest;
import com.omnichat.channel.AttachmentSink;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.InboundAttachment;
import com.omnichat.channel.InboundMessage;
import com.omnichat.channel.connector.MediaRef;
import com.omnichat.channel.internal.MediaDownloadWorker;
import com.omnichat.chat.MessageIngestion;
import com.omnichat.user.StaffMember;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A client's picture that is not downloaded yet shows as a placeholder in the chat window;
 * when the download is given up the placeholder says why and offers "Try again"; when the
 * picture arrives it replaces the placeholder in the open window (live).
 */
class ClientFilePlaceholderTest extends BrowserlessViewTest {

    private static final byte[] PNG = java.util.Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @Autowired
    MessageIngestion ingestion;

    @Autowired
    MediaDownloadWorker downloads;

    @Autowired
    AttachmentSink attachments;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    private StaffMember anna;
    private long chat;
    private long placeholder;

    @BeforeEach
    void aClientSentAPictureNotDownloadedYet() {
        anna = staff.manager("anna");
        ChannelInfo viber = inbox.channel("Viber shop", anna);
        tx.executeWithoutResult(s -> {
            var result = ingestion.receive(new InboundMessage(
                    viber.id(),
                    inbox.newClient("Idan Harel", null),
                    inbox.newMessageId(),
                    "Такий?",
                    List.of(),
                    List.of(new InboundMessage.PendingAttachment("p.jpg", "image/jpeg", true, 68)),
                    null,
                    null,
                    inbox.nextMoment()));
            chat = result.conversationId();
            placeholder = result.pendingAttachmentIds().getFirst();
            downloads.queue(
                    viber.id(),
                    placeholder,
                    new MediaRef("https://dl-media.viber.com/p.jpg", "p.jpg", "image/jpeg", 68L, true));
        });
    }

    @Test
    void thePlaceholderSaysWhyAndTryAgainQueuesTheDownloadAgainUntilThePictureAppears() {
        signInAndOpenApp(anna);
        open("chats/" + chat);

        assertThat(placeholderText()).isEqualTo("Picture could not be downloaded yet");
        assertThat(tryAgain().exists()).isFalse();

        // The download is given up (as the worker does after its last attempt).
        tx.executeWithoutResult(s -> {
            jdbc.sql("update media_download set status = 'FAILED'").update();
            attachments.failed(placeholder, "HTTP 404 from dl-media.viber.com");
        });
        untilLive("the reason shown", () -> placeholderText().contains("HTTP 404"));

        assertThat(placeholderText()).isEqualTo("Picture could not be downloaded: HTTP 404 from dl-media.viber.com");
        assertThat(tryAgain().exists()).isTrue();

        test(tryAgain().single()).click();

        assertThat(placeholderText()).isEqualTo("Picture could not be downloaded yet");
        assertThat(jdbc.sql("select status from media_download")
                        .query(String.class)
                        .single())
                .isEqualTo("QUEUED");

        tx.executeWithoutResult(
                s -> attachments.downloaded(placeholder, new InboundAttachment("p.jpg", "image/png", PNG)));
        untilLive(
                "the picture shown",
                () -> $(Image.class).withClassName("attachment-image").exists());

        assertThat($(Div.class).withClassName("attachment-placeholder").exists())
                .isFalse();
    }

    private String placeholderText() {
        return $(Div.class)
                .withClassName("attachment-placeholder")
                .single()
                .getChildren()
                .filter(c -> c.getClassNames().contains("attachment-placeholder-text"))
                .findFirst()
                .orElseThrow()
                .getElement()
                .getText();
    }

    private com.vaadin.browserless.ComponentQuery<Button> tryAgain() {
        return $(Button.class).withClassName("attachment-try-again");
    }
}
