package com.omnichat.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Real RFC 5322 samples (src/test/resources/email) read as the inbox needs them. */
class MailParserTest {

    @Test
    void theFixtureIsAPlainTextMailWithItsSubjectAndNoThread() throws Exception {
        MailParser.ParsedMail mail = MailParser.parse(eml("email_only_text.eml"));

        assertThat(mail.messageId()).isEqualTo("6215e5ca3e3b2_10bc6197e4224d1@tejaswinis-MacBook-Pro.local.mail");
        assertThat(mail.fromAddress()).isEqualTo("text@example.com");
        assertThat(mail.subject()).isEqualTo("test text only mail");
        assertThat(mail.text()).isEqualTo("text only mail");
        assertThat(mail.references()).as("an empty In-Reply-To header").isEmpty();
        assertThat(mail.automatic()).isFalse();
        assertThat(mail.html()).isNull();
    }

    @Test
    void windows1251BodyAndKoi8EncodedSubjectAreReadAndTheSignatureIsCollapsed() throws Exception {
        MailParser.ParsedMail mail = MailParser.parse(eml("windows1251.eml"));

        assertThat(mail.subject()).isEqualTo("Вопрос о заказе");
        assertThat(mail.fromName()).isEqualTo("Олена Бондар");
        assertThat(mail.fromAddress()).as("one client per lower-cased address").isEqualTo("olena.bondar@example.com");
        assertThat(mail.text()).isEqualTo("Добрий день! Чи є у вас півонії?");
        assertThat(mail.quoted()).isEqualTo("-- \nОлена, Київ");
    }

    @Test
    void htmlLosesScriptsStylesFormsAndFramesLinksOpenInANewTabAndRemoteImagesWait() throws Exception {
        MailParser.ParsedMail mail = MailParser.parse(eml("html_newsletter.eml"));

        assertThat(mail.html())
                .contains("<h1>Spring collection</h1>", "<b>peonies</b>")
                .doesNotContainIgnoringCase("script")
                .doesNotContain("alert")
                .doesNotContain("<style")
                .doesNotContain("style=")
                .doesNotContain("onload")
                .doesNotContain("onclick")
                .doesNotContain("<form")
                .doesNotContain("<input")
                .doesNotContain("<iframe")
                .doesNotContain("javascript:")
                .contains(
                        "<a href=\"https://bloom.example/shop\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">")
                .contains("data-remote-src=\"https://tracker.example/pixel.gif\"")
                .doesNotContain(" src=\"https://tracker.example")
                .contains("<details class=\"mail-quoted\"><summary>…</summary><blockquote>");
        assertThat(mail.remoteImages()).isTrue();
        assertThat(mail.text()).startsWith("Spring collection Fresh peonies are here.");
    }

    @Test
    void aCidImageIsAFileOfTheMailAndTheHtmlPointsAtIt() throws Exception {
        MailParser.ParsedMail mail = MailParser.parse(eml("cid_image.eml"));

        assertThat(mail.files()).singleElement().satisfies(file -> {
            assertThat(file.image()).isTrue();
            assertThat(file.contentType()).isEqualTo("image/png");
            assertThat(file.contentId()).isEqualTo("bouquet@example.com");
            assertThat(file.path()).isEqualTo("1");
        });
        assertThat(mail.html()).contains("<img src=\"cid:0\" alt=\"bouquet\">");
        assertThat(mail.remoteImages()).isFalse();
    }

    @Test
    void anAutoReplyIsAutomatic() throws Exception {
        assertThat(MailParser.parse(eml("auto_reply.eml")).automatic()).isTrue();
        assertThat(MailParser.parse(mail("Precedence: bulk\r\n", "Newsletter")).automatic())
                .isTrue();
        assertThat(MailParser.parse(mail("Auto-Submitted: no\r\n", "Hello")).automatic())
                .isFalse();
    }

    @Test
    void aDeliveryReportNamesOurMessageAndTheServersReason() throws Exception {
        MailParser.ParsedMail mail =
                MailParser.parse(EmailSamples.bounce("omnichat.7.abc@shop.example", "nobody@example.com")
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(mail.automatic()).isTrue();
        assertThat(mail.bounce()).isNotNull();
        assertThat(mail.bounce().originalMessageId()).isEqualTo("omnichat.7.abc@shop.example");
        assertThat(mail.bounce().reason())
                .contains("5.1.1")
                .contains("User unknown")
                .contains("nobody@example.com");
    }

    @Test
    void threadSubjectsDropReplyAndForwardPrefixesInSeveralLanguages() {
        assertThat(MailParser.threadSubject("Re: Fwd: AW: Order 15")).isEqualTo("order 15");
        assertThat(MailParser.threadSubject("Отв: Ответ:  Заказ   15")).isEqualTo("заказ 15");
        assertThat(MailParser.threadSubject("RE[2]: order 15")).isEqualTo("order 15");
        assertThat(MailParser.threadSubject("Reply about order 15")).isEqualTo("reply about order 15");
    }

    @Test
    void quotedHistoryAfterAnAttributionLineIsCollapsed() throws Exception {
        MailParser.ParsedMail mail = MailParser.parse(
                mail(
                        "",
                        "Re: Order",
                        "Yes, please deliver on Friday.\r\n\r\nOn Thu, 3 Dec 2026, Flower Shop wrote:\r\n> Shall we deliver?\r\n"));

        assertThat(mail.text()).isEqualTo("Yes, please deliver on Friday.");
        assertThat(mail.quoted())
                .startsWith("On Thu, 3 Dec 2026, Flower Shop wrote:")
                .contains("> Shall we deliver?");
    }

    private static byte[] mail(String headers, String subject) {
        return mail(headers, subject, "Body\r\n");
    }

    private static byte[] mail(String headers, String subject, String body) {
        return ("From: olena@example.com\r\nTo: shop@example.com\r\nSubject: " + subject
                        + "\r\nMessage-ID: <x-" + subject.hashCode() + "@example.com>\r\n" + headers
                        + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] eml(String name) throws IOException {
        try (InputStream in = MailParserTest.class.getResourceAsStream("/email/" + name)) {
            return in.readAllBytes();
        }
    }
}
