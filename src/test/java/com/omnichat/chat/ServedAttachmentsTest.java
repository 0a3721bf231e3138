package com.omnichat.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.testSecurityContext;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.omnichat.IntegrationTest;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.user.StaffFixtures;
import com.omnichat.user.StaffMember;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A manager's upload as the browser gets it back: a raster image (by its bytes) is shown
 * inline; an SVG or an HTML page — even one the browser announced as an image — is a
 * sandboxed download, so it can never run script in the application's origin.
 */
@IntegrationTest
class ServedAttachmentsTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] SVG = """
            <svg xmlns="http://www.w3.org/2000/svg"><script>fetch('/users').then(r => r.text())</script></svg>""".getBytes(StandardCharsets.UTF_8);
    static final byte[] HTML =
            "<html><body><script>alert(document.cookie)</script></body></html>".getBytes(StandardCharsets.UTF_8);

    @Autowired
    StaffFixtures staff;

    @Autowired
    InboxFixtures fixtures;

    @Autowired
    InboxService inbox;

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;
    StaffMember anna;
    long chat;

    @BeforeEach
    void annaAnswersAChat() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        anna = staff.manager("anna");
        ChannelInfo telegram = fixtures.channel("Telegram · @flowershop_bot", anna);
        chat = fixtures.newChat(telegram, "Olena");
        staff.signInAs(anna);
    }

    @Test
    void anSvgTheBrowserCalledAnImageIsRecordedAsAFileAndServedAsASandboxedDownload() throws Exception {
        AttachmentView file = send(new OutgoingAttachment("logo.svg", "image/svg+xml", SVG));

        assertThat(file.image()).isFalse();
        assertThat(file.contentType()).isEqualTo("application/octet-stream");
        download(file)
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/octet-stream"))
                .andExpect(header().string(
                                "Content-Disposition", "attachment; filename=\"logo.svg\"; filename*=UTF-8''logo.svg"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", "sandbox"))
                .andExpect(content().bytes(SVG));
    }

    @Test
    void anHtmlPageIsADownloadWithASafeNameWhateverItIsCalled() throws Exception {
        AttachmentView file = send(new OutgoingAttachment("счёт \"2026\".html", "text/html", HTML));

        assertThat(file.image()).isFalse();
        download(file)
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/octet-stream"))
                .andExpect(header().string(
                                "Content-Disposition",
                                "attachment; filename=\"____ _2026_.html\"; "
                                        + "filename*=UTF-8''%D1%81%D1%87%D1%91%D1%82%20%222026%22.html"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", "sandbox"));
    }

    @Test
    void aPngIsShownInlineWhateverTheBrowserCalledIt() throws Exception {
        AttachmentView file = send(new OutgoingAttachment("bouquet.png", "application/octet-stream", PNG));

        assertThat(file.image()).isTrue();
        assertThat(file.contentType()).isEqualTo("image/png");
        download(file)
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string(
                                "Content-Disposition",
                                "inline; filename=\"bouquet.png\"; filename*=UTF-8''bouquet.png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(PNG));
    }

    @Test
    void aColleagueWithoutTheChannelGetsNothing() throws Exception {
        AttachmentView file = send(new OutgoingAttachment("bouquet.png", "image/png", PNG));
        staff.signInAs(staff.manager("max"));

        download(file).andExpect(status().isNotFound());
    }

    private AttachmentView send(OutgoingAttachment attachment) {
        inbox.reply(chat, "", null, List.of(attachment));
        return inbox.history(chat, null, 50).stream()
                .filter(m -> !m.attachments().isEmpty())
                .toList()
                .getLast()
                .attachments()
                .getFirst();
    }

    private ResultActions download(AttachmentView file) throws Exception {
        return mvc.perform(get("/chat-files/" + file.id()).with(testSecurityContext()));
    }
}
