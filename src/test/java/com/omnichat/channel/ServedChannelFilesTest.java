package com.omnichat.channel;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.testSecurityContext;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.omnichat.IntegrationTest;
import com.omnichat.channel.internal.MediaStore;
import com.omnichat.user.StaffFixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The files connectors keep, as a provider or a browser fetches them: the public
 * {@code /channel-files/…} a provider downloads outbound media from, and the staff-only
 * {@code /client-photos/…}. A raster image (by its bytes) inline; anything else — an SVG
 * stored as {@code image/svg+xml}, a page stored as {@code text/html} — a sandboxed download.
 */
@IntegrationTest
class ServedChannelFilesTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
            .getBytes(StandardCharsets.UTF_8);

    @Autowired
    MediaStore media;

    @Autowired
    StaffFixtures staff;

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
    }

    @Test
    void anOutboundSvgIsAPublicButSandboxedDownload() throws Exception {
        String token = media.store(null, MediaStore.Purpose.OUTBOUND, "logo.svg", "image/svg+xml", SVG);

        mvc.perform(get("/channel-files/" + token + "/logo.svg"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/octet-stream"))
                .andExpect(header().string(
                                "Content-Disposition", "attachment; filename=\"logo.svg\"; filename*=UTF-8''logo.svg"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", "sandbox"))
                .andExpect(content().bytes(SVG));
    }

    @Test
    void anOutboundPageIsADownloadToo() throws Exception {
        String token = media.store(
                null,
                MediaStore.Purpose.OUTBOUND,
                "offer.html",
                "text/html",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));

        mvc.perform(get("/channel-files/" + token + "/offer.html"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/octet-stream"))
                .andExpect(header().string(
                                "Content-Disposition",
                                "attachment; filename=\"offer.html\"; filename*=UTF-8''offer.html"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", "sandbox"));
    }

    @Test
    void anOutboundPngIsShownInline() throws Exception {
        String token = media.store(null, MediaStore.Purpose.OUTBOUND, "bouquet.png", "image/png", PNG);

        mvc.perform(get("/channel-files/" + token + "/bouquet.png"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string(
                                "Content-Disposition",
                                "inline; filename=\"bouquet.png\"; filename*=UTF-8''bouquet.png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().doesNotExist("Content-Security-Policy"))
                .andExpect(content().bytes(PNG));
    }

    @Test
    void aClientPhotoThatIsNoRasterImageIsADownloadForStaffAndHiddenFromOthers() throws Exception {
        String token = media.store(null, MediaStore.Purpose.PHOTO, "photo.svg", "image/svg+xml", SVG);

        mvc.perform(get(MediaStore.photoUrl(token))).andExpect(status().is3xxRedirection());
        staff.signInAs(staff.manager("anna"));
        mvc.perform(get(MediaStore.photoUrl(token)).with(testSecurityContext()))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Disposition",
                                "attachment; filename=\"photo.svg\"; filename*=UTF-8''photo.svg"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", "sandbox"));
    }

    @Test
    void anUnknownTokenIsNotFound() throws Exception {
        mvc.perform(get("/channel-files/no-such-token/logo.svg")).andExpect(status().isNotFound());
    }
}
