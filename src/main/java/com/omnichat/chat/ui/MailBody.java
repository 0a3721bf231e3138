package com.omnichat.chat.ui;

import com.omnichat.chat.AttachmentView;
import com.omnichat.chat.MessageView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * An e-mail's content in a bubble. Plain text is set as text; HTML (already sanitized when it
 * arrived) is shown in a sandboxed frame that runs no scripts and whose styles cannot reach the
 * page, with a Content-Security-Policy that loads only our own files until the manager clicks
 * "Show images". Quoted history and signatures are collapsed behind "…".
 */
class MailBody extends Div {

    private final MessageView message;

    MailBody(MessageView message) {
        this.message = message;
        addClassName("mail-body");
        MessageView.MailPart mail = message.mail();
        if (mail != null && mail.automatic()) {
            var automatic = new Span(getTranslation("chat.mail.automatic"));
            automatic.getElement().getThemeList().add("badge contrast small");
            automatic.addClassName("mail-automatic");
            add(automatic);
        }
        if (mail != null && mail.html() != null) {
            addFrame(mail.html(), false);
        } else if (message.body() != null && !message.body().isEmpty()) {
            var text = new Div();
            text.setText(message.body());
            text.addClassName("text");
            add(text);
        }
        if (mail != null && mail.quoted() != null) {
            var quoted = new Div();
            quoted.setText(mail.quoted());
            quoted.addClassName("mail-quoted-text");
            var details = new Details("…", quoted);
            details.addClassName("mail-quoted");
            details.getElement().setAttribute("aria-label", getTranslation("chat.mail.quoted"));
            add(details);
        }
    }

    static boolean wanted(MessageView message) {
        MessageView.MailPart mail = message.mail();
        return mail != null && (mail.html() != null || mail.quoted() != null || mail.automatic());
    }

    /** Which of the message's files its HTML shows inline ({@code cid:N}). */
    static java.util.Set<Integer> inlineImages(MessageView message) {
        if (message.mail() == null
                || message.mail().html() == null
                || !message.mail().html().contains("cid:")) {
            return java.util.Set.of();
        }
        java.util.Set<Integer> indices = new java.util.HashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("src=\"cid:(\\d{1,4})\"")
                .matcher(message.mail().html());
        while (m.find()) {
            indices.add(Integer.parseInt(m.group(1)));
        }
        return indices;
    }

    private void addFrame(String html, boolean showImages) {
        var frame = new IFrame();
        // No ALLOW_SCRIPTS: nothing in the mail runs. Same origin only so our own files (cid: images) load.
        frame.setSandbox(
                IFrame.SandboxType.ALLOW_SAME_ORIGIN,
                IFrame.SandboxType.ALLOW_POPUPS,
                IFrame.SandboxType.ALLOW_POPUPS_TO_ESCAPE_SANDBOX);
        frame.setSrcdoc(document(html, showImages));
        frame.addClassName("mail-frame");
        frame.setTitle(getTranslation("chat.mail.frame"));
        // Grows to its content (the parent may read the frame: same origin, and the frame runs no script).
        frame.getElement().executeJs("window.omnichat && window.omnichat.fitFrame(this)");
        add(frame);
        if (!showImages && html.contains("data-remote-src")) {
            var show = new Button(getTranslation("chat.mail.show-images"), VaadinIcon.PICTURE.create());
            show.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            show.addClassName("mail-show-images");
            show.setTooltipText(getTranslation("chat.mail.images-blocked"));
            show.addClickListener(e -> {
                remove(frame, show);
                addFrame(html, true);
            });
            add(show);
        }
    }

    /** The frame's document: the mail's body, cid: images pointing at the stored files, a strict policy. */
    private String document(String html, boolean showImages) {
        Document doc = Jsoup.parseBodyFragment(html);
        List<AttachmentView> files = message.attachments();
        for (Element img : doc.select("img[src^=cid:]")) {
            try {
                int index = Integer.parseInt(img.attr("src").substring(4));
                AttachmentView file = index < files.size() ? files.get(index) : null;
                if (file != null && file.stored()) {
                    img.attr("src", AttachmentController.url(file.id()));
                } else {
                    img.removeAttr("src");
                }
            } catch (NumberFormatException e) {
                img.removeAttr("src");
            }
        }
        if (showImages) {
            for (Element img : doc.select("img[data-remote-src]")) {
                String src = img.attr("data-remote-src");
                if (src.startsWith("https://") || src.startsWith("http://")) {
                    img.attr("src", src);
                }
                img.removeAttr("data-remote-src");
            }
        }
        String images = showImages ? "'self' data: https: http:" : "'self' data:";
        doc.head()
                .appendElement("meta")
                .attr("http-equiv", "Content-Security-Policy")
                .attr("content", "default-src 'none'; img-src " + images + "; style-src 'unsafe-inline'");
        doc.head().appendElement("base").attr("target", "_blank");
        doc.head().appendElement("style").text("""
                body { margin: 0; font: 14px/1.45 system-ui, sans-serif; color: #1f2937; overflow-wrap: anywhere; }
                img { max-width: 100%; height: auto; } table { max-width: 100%; }
                details.mail-quoted > summary { cursor: pointer; color: #6b7280; list-style: none; }
                blockquote { margin: 0 0 0 .5em; padding-left: .5em; border-left: 2px solid #d1d5db; color: #4b5563; }""");
        doc.outputSettings().prettyPrint(false);
        return "<!doctype html>" + doc.outerHtml();
    }
}
