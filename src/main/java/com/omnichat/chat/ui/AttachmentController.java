package com.omnichat.chat.ui;

import com.omnichat.base.NotFoundException;
import com.omnichat.base.ServedFiles;
import com.omnichat.chat.InboxService;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The files of chat messages, for the signed-in staff who may see the chat (the service
 * checks): a raster image (by its bytes) inline, anything else a sandboxed download
 * ({@link ServedFiles}), so an uploaded SVG or HTML page never runs in the application's origin.
 */
@RestController
class AttachmentController {

    static final String PATH = "/chat-files/";

    private final InboxService inbox;

    AttachmentController(InboxService inbox) {
        this.inbox = inbox;
    }

    static String url(long attachmentId) {
        return PATH + attachmentId;
    }

    @GetMapping(PATH + "{id}")
    ResponseEntity<byte[]> file(@PathVariable long id) {
        InboxService.Download download;
        try {
            download = inbox.attachmentContent(id);
        } catch (NotFoundException e) {
            return ResponseEntity.notFound().build();
        }
        var response = ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate());
        ServedFiles.headers(download.fileName(), download.content()).forEach(response::header);
        return response.body(download.content());
    }
}
