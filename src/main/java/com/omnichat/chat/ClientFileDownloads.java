package com.omnichat.chat;

import com.omnichat.channel.AttachmentSink;
import com.omnichat.channel.InboundAttachment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the channels' background downloads report: a client's placeholder attachment gets
 * its file, or says why it could not be downloaded. Open chat windows on every node hear of
 * it (a live update when the transaction commits) and show the picture or the reason.
 */
@Component
class ClientFileDownloads implements AttachmentSink {

    private final MessageStore messages;
    private final ChatUpdates updates;

    ClientFileDownloads(MessageStore messages, ChatUpdates updates) {
        this.messages = messages;
        this.updates = updates;
    }

    @Override
    @Transactional
    public void downloaded(long attachmentId, InboundAttachment file) {
        messages.placeOfAttachment(attachmentId).ifPresent(place -> {
            if (messages.fillPlaceholder(attachmentId, file.fileName(), file.contentType(), file.content())) {
                changed(place);
            }
        });
    }

    @Override
    @Transactional
    public void failed(long attachmentId, String reason) {
        messages.placeOfAttachment(attachmentId).ifPresent(place -> {
            if (messages.markPlaceholder(attachmentId, AttachmentView.Status.FAILED, reason)) {
                changed(place);
            }
        });
    }

    private void changed(MessageStore.MessagePlace place) {
        updates.publish(new ChatEvent(ChatEvent.Type.UPDATED, place.conversationId(), place.channelId(), null));
    }
}
