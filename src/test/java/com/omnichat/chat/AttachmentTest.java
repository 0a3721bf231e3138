package com.omnichat.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnichat.IntegrationTest;
import com.omnichat.base.NotFoundException;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.InboundAttachment;
import com.omnichat.channel.InboundMessage;
import com.omnichat.channel.IngestResult;
import com.omnichat.user.StaffFixtures;
import com.omnichat.user.StaffMember;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Files that come with messages: images are marked as such, and only those who see the chat may download them. */
@IntegrationTest
class AttachmentTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

    @Autowired
    StaffFixtures staff;

    @Autowired
    InboxFixtures fixtures;

    @Autowired
    MessageIngestion ingestion;

    @Autowired
    InboxService inbox;

    StaffMember anna;
    StaffMember max;
    ChannelInfo telegram;

    @BeforeEach
    void annaWorksTelegramMaxDoesNot() {
        anna = staff.manager("anna");
        max = staff.manager("max");
        telegram = fixtures.channel("Telegram · @flowershop_bot", anna);
        fixtures.channel(ChannelType.VIBER, "Viber · Flower Shop", max);
    }

    @Test
    void aClientsPhotoIsShownAsAnImageAndCanBeDownloaded() {
        IngestResult result = ingestion.receive(new InboundMessage(
                telegram.id(),
                fixtures.newClient("Olena", null),
                fixtures.newMessageId(),
                "Like this one, please",
                List.of(new InboundAttachment("bouquet.jpg", "image/jpeg", JPEG)),
                null,
                fixtures.nextMoment()));
        staff.signInAs(anna);

        MessageView message = inbox.history(result.conversationId(), null, 50).getLast();
        assertThat(message.body()).isEqualTo("Like this one, please");
        AttachmentView photo = message.attachments().getFirst();
        assertThat(message.attachments())
                .containsExactly(new AttachmentView(photo.id(), true, "bouquet.jpg", "image/jpeg", JPEG.length));

        InboxService.Download download = inbox.attachmentContent(photo.id());
        assertThat(download.content()).isEqualTo(JPEG);
        assertThat(download.fileName()).isEqualTo("bouquet.jpg");
        assertThat(download.contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void aFileWithoutTextShowsAPaperclipInTheList() {
        byte[] pdf = "%PDF-1.7 invoice".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        IngestResult result = ingestion.receive(new InboundMessage(
                telegram.id(),
                fixtures.newClient("Olena", null),
                fixtures.newMessageId(),
                null,
                List.of(new InboundAttachment("invoice.pdf", "application/pdf", pdf)),
                null,
                fixtures.nextMoment()));
        staff.signInAs(anna);

        assertThat(inbox.get(result.conversationId()).lastMessagePreview()).isEqualTo("📎");
        AttachmentView file = inbox.history(result.conversationId(), null, 50)
                .getLast()
                .attachments()
                .getFirst();
        assertThat(file.image()).isFalse();
        assertThat(inbox.attachmentContent(file.id()).content()).isEqualTo(pdf);
    }

    @Test
    void someoneWhoCannotSeeTheChatCannotDownloadItsFiles() {
        IngestResult result = ingestion.receive(new InboundMessage(
                telegram.id(),
                fixtures.newClient("Olena", null),
                fixtures.newMessageId(),
                "Like this one",
                List.of(new InboundAttachment("bouquet.jpg", "image/jpeg", JPEG)),
                null,
                fixtures.nextMoment()));
        staff.signInAs(anna);
        long photoId = inbox.history(result.conversationId(), null, 50)
                .getLast()
                .attachments()
                .getFirst()
                .id();

        staff.signInAs(max);

        assertThatThrownBy(() -> inbox.attachmentContent(photoId)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> inbox.attachmentContent(photoId + 1000)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aManagerCanSendAFile() {
        long chat = fixtures.newChat(telegram, "Olena");
        staff.signInAs(anna);
        byte[] catalogue = "%PDF-1.7 catalogue".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        long reply = inbox.reply(
                chat, "", null, List.of(new OutgoingAttachment("catalogue.pdf", "application/pdf", catalogue)));

        MessageView sent = inbox.message(chat, reply);
        assertThat(sent.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("catalogue.pdf");
            assertThat(a.image()).isFalse();
            assertThat(inbox.attachmentContent(a.id()).content()).isEqualTo(catalogue);
        });
        assertThat(inbox.get(chat).lastMessagePreview()).isEqualTo("📎");
    }
}
