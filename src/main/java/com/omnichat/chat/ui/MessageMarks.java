package com.omnichat.chat.ui;

import com.omnichat.chat.MessageKind;
import com.omnichat.chat.MessageView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.jspecify.annotations.Nullable;

/**
 * What the channel adds to a bubble: where the message came from ("commented on your post",
 * with the post's link and caption; story replies, shares), where a manager's answer went
 * ("reply to a comment on your post"), the app it was sent from, the client's reaction, and
 * that he deleted it. Links open the provider's page in a new tab; texts are set as text.
 */
final class MessageMarks {

    private MessageMarks() {}

    /** The line above the text, or null. */
    static @Nullable Component origin(Component owner, MessageView message) {
        MessageView.Marks marks = message.marks();
        if (marks.origin() == null) {
            return null;
        }
        String key = "chat.origin." + marks.origin();
        var line = new Div();
        line.addClassNames("message-origin", "origin-" + marks.origin().toLowerCase(java.util.Locale.ROOT));
        String template = owner.getTranslation(key, "\u0000");
        int at = template.indexOf('\u0000');
        if (at < 0) {
            line.add(new Span(template));
        } else {
            String word = owner.getTranslation(key + ".link");
            line.add(new Span(template.substring(0, at)));
            if (marks.originUrl() != null && message.kind() == MessageKind.CLIENT) {
                var link = new Anchor(marks.originUrl(), word);
                link.setTarget(AnchorTarget.BLANK);
                link.getElement().setAttribute("rel", "noopener noreferrer");
                link.addClassName("origin-link");
                line.add(link);
            } else {
                line.add(new Span(word));
            }
            line.add(new Span(template.substring(at + 1)));
        }
        if (marks.postCaption() != null && !marks.postCaption().isBlank()) {
            var caption = new Div();
            caption.setText(marks.postCaption());
            caption.addClassName("origin-caption");
            line.add(caption);
        }
        if (marks.commentHidden()) {
            line.add(badge(owner.getTranslation("chat.comment.hidden"), "comment-hidden"));
        }
        if (marks.commentDeleted()) {
            line.add(badge(owner.getTranslation("chat.comment.deleted"), "comment-deleted"));
        }
        return line;
    }

    /** The author line of a manager message sent from the provider's own app. */
    static String author(Component owner, MessageView message) {
        return message.marks().sentFromApp() != null
                ? owner.getTranslation("chat.sent-from-app", message.marks().sentFromApp())
                : message.authorName() == null ? "" : message.authorName();
    }

    /** The client's reaction and that he deleted the message, shown under the text; null when neither. */
    static @Nullable Component after(Component owner, MessageView message) {
        MessageView.Marks marks = message.marks();
        if (marks.reaction() == null && !marks.deletedByClient()) {
            return null;
        }
        var row = new Div();
        row.addClassName("message-marks");
        if (marks.reaction() != null) {
            var reaction = badge(marks.reaction(), "reaction");
            reaction.getElement().setAttribute("aria-label", owner.getTranslation("chat.reaction", marks.reaction()));
            reaction.getElement().setAttribute("title", owner.getTranslation("chat.reaction", marks.reaction()));
            row.add(reaction);
        }
        if (marks.deletedByClient()) {
            row.add(badge(owner.getTranslation("chat.deleted-by-client"), "deleted-by-client"));
        }
        return row;
    }

    private static Span badge(String text, String className) {
        var badge = new Span(text);
        badge.addClassName(className);
        badge.getElement().getThemeList().add("badge small contrast");
        return badge;
    }
}
