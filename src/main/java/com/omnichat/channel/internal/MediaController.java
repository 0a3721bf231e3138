package com.omnichat.channel.internal;

import com.omnichat.base.ServedFiles;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the connectors' stored files. Client photos need a signed-in user (the main
 * security chain); outbound media are public for the provider to fetch (WebhookSecurity),
 * protected by their unguessable token. A raster image (by its bytes) is shown inline,
 * anything else is a sandboxed download ({@link ServedFiles}), never a page.
 */
@RestController
class MediaController {

    private final MediaStore media;

    MediaController(MediaStore media) {
        this.media = media;
    }

    @GetMapping("/client-photos/{token}")
    ResponseEntity<byte[]> photo(@PathVariable String token) {
        return media.find(token, MediaStore.Purpose.PHOTO)
                .map(m -> serve(m).cacheControl(
                                CacheControl.maxAge(Duration.ofDays(7)).cachePrivate())
                        .body(m.content()))
                .orElse(ResponseEntity.notFound().build());
    }

    @GetMapping("/channel-files/{token}/{name}")
    ResponseEntity<byte[]> outbound(@PathVariable String token, @PathVariable String name) {
        return media.find(token, MediaStore.Purpose.OUTBOUND)
                .map(m -> serve(m).body(m.content()))
                .orElse(ResponseEntity.notFound().build());
    }

    private static ResponseEntity.BodyBuilder serve(MediaStore.StoredMedia m) {
        var response = ResponseEntity.ok();
        ServedFiles.headers(m.fileName(), m.content()).forEach(response::header);
        return response;
    }
}
