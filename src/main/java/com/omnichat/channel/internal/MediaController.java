package com.omnichat.channel.internal;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the connectors' stored files. Client photos need a signed-in user (the main
 * security chain); outbound media are public for the provider to fetch (WebhookSecurity),
 * protected by their unguessable token. Always as attachments or images, never as HTML.
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
                .map(m -> ResponseEntity.ok().contentType(MediaType.parseMediaType(m.contentType()))
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePrivate())
                        .header("X-Content-Type-Options", "nosniff")
                        .body(m.content()))
                .orElse(ResponseEntity.notFound().build());
    }

    @GetMapping("/channel-files/{token}/{name}")
    ResponseEntity<byte[]> outbound(@PathVariable String token, @PathVariable String name) {
        return media.find(token, MediaStore.Purpose.OUTBOUND)
                .map(m -> ResponseEntity.ok().contentType(MediaType.parseMediaType(m.contentType()))
                        .header(HttpHeaders.CONTENT_DISPOSITION, (m.contentType().startsWith("image/")
                                ? ContentDisposition.inline() : ContentDisposition.attachment())
                                .filename(m.fileName()).build().toString())
                        .header("X-Content-Type-Options", "nosniff")
                        .body(m.content()))
                .orElse(ResponseEntity.notFound().build());
    }
}
