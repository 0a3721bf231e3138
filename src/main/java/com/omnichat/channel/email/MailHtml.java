package com.omnichat.channel.email;

import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Makes a mail's HTML safe to show: jsoup's {@link Safelist} keeps text formatting, tables,
 * links and images and drops everything else (scripts, styles and style attributes, forms,
 * frames, event handlers, javascript: URLs). Links open in a new tab with
 * {@code rel=noopener}; remote images lose their {@code src} (kept in {@code data-remote-src}
 * until the manager asks to show them); {@code cid:} images point at the message's N-th file;
 * quoted history is put behind a collapsed {@code <details>}.
 */
final class MailHtml {

    static final String REMOTE_SRC = "data-remote-src";
    private static final String QUOTED = "data-quoted";

    private static final Safelist SAFE = Safelist.relaxed()
            .addTags("center", "font", "hr", "s")
            .addAttributes("table", "align", "bgcolor", "border", "cellpadding", "cellspacing", "width")
            .addAttributes("td", "align", "bgcolor", "valign", "width", "height")
            .addAttributes("th", "align", "bgcolor", "valign", "width")
            .addAttributes("tr", "align", "bgcolor", "valign")
            .addAttributes("font", "color", "size")
            .addAttributes("p", "align")
            .addAttributes("div", "align")
            .addAttributes("blockquote", QUOTED)
            .addProtocols("img", "src", "http", "https", "cid")
            .addProtocols("a", "href", "http", "https", "mailto", "tel")
            .addEnforcedAttribute("a", "target", "_blank")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow");

    private MailHtml() {}

    /**
     * The sanitized body (children of {@code <body>}) and whether it had remote images;
     * {@code cidIndex} maps a Content-ID to the index of its file among the message's files.
     */
    static Sanitized sanitize(String html, Map<String, Integer> cidIndex) {
        Document dirty = Jsoup.parse(html);
        // Mark quoted history while its class names are still there (the cleaner drops them).
        for (Element quote : dirty.select("div.gmail_quote, blockquote[type=cite], div.moz-cite-prefix + blockquote,"
                + " div#appendonsend ~ *, div.yahoo_quoted, #divRplyFwdMsg, #divRplyFwdMsg ~ *")) {
            quote.tagName("blockquote").attr(QUOTED, "");
        }
        Document clean = new Cleaner(SAFE).clean(dirty);
        boolean remote = false;
        for (Element img : clean.select("img")) {
            String src = img.attr("src");
            if (src.regionMatches(true, 0, "cid:", 0, 4)) {
                Integer index = cidIndex.get(contentId(src.substring(4)));
                if (index == null) {
                    img.removeAttr("src");
                } else {
                    img.attr("src", "cid:" + index);
                }
            } else if (!src.isEmpty()) {
                // Remote images tell the sender that (and when) the mail was read: not loaded until asked.
                img.attr(REMOTE_SRC, src).removeAttr("src");
                remote = true;
            }
        }
        for (Element quote : clean.select("blockquote[" + QUOTED + "]")) {
            if (quote.parents().stream().anyMatch(p -> p.tagName().equals("details"))) {
                continue;
            }
            quote.removeAttr(QUOTED);
            Element details = new Element("details").addClass("mail-quoted");
            details.appendElement("summary").text("…");
            quote.before(details);
            details.appendChild(quote);
        }
        clean.outputSettings().prettyPrint(false);
        String body = clean.body().html();
        return new Sanitized(body, clean.body().text(), remote);
    }

    /** A Content-ID without its angle brackets, lower-cased (cid: URLs and headers differ in both). */
    static String contentId(String id) {
        String v = id.strip();
        if (v.startsWith("<") && v.endsWith(">")) {
            v = v.substring(1, v.length() - 1);
        }
        return v.toLowerCase(java.util.Locale.ROOT);
    }

    record Sanitized(String html, String text, boolean remoteImages) {}
}
