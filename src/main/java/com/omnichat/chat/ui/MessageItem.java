package com.omnichat.chat.ui;

import com.omnichat.chat.AttachmentView;
import com.omnichat.chat.DeliveryStatus;
import com.omnichat.chat.MessageKind;
import com.omnichat.chat.MessageView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.clipboard.Clipboard;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.function.Consumer;

/**
 * One message bubble. Client text is always set as text (never HTML), so nothing a
 * client writes can run or inject markup.
 */
class MessageItem extends Div {

    private final MessageView message;

    /** What a comment's "⋮" offers besides Reply (answer in the comments). */
    interface CommentActions {
        /** Empty when a private reply is possible, else why not (a translation key). */
        java.util.Optional<String> privateReplyRefusal(MessageView comment);

        void replyInDirect(MessageView comment);

        /** Administrators and the responsible manager may hide, show and delete comments. */
        boolean canModerate();

        void moderate(MessageView comment, com.omnichat.channel.CommentModeration.Action action);
    }

    MessageItem(
            MessageView message,
            TimeFormat time,
            Consumer<MessageView> onReply,
            Consumer<MessageView> onRetry,
            Consumer<AttachmentView> onRetryDownload) {
        this(message, time, onReply, onRetry, onRetryDownload, null);
    }

    MessageItem(
            MessageView message,
            TimeFormat time,
            Consumer<MessageView> onReply,
            Consumer<MessageView> onRetry,
            Consumer<AttachmentView> onRetryDownload,
            CommentActions comments) {
        this.message = message;
        addClassNames("message", "message-" + message.kind().name().toLowerCase());
        getElement().setAttribute("data-message-id", Long.toString(message.id()));
        if (message.kind() == MessageKind.SYSTEM) {
            add(new Span(systemText()), meta(time));
            return;
        }
        var bubble = new Div();
        bubble.addClassName("bubble");
        if (message.kind() == MessageKind.NOTE) {
            var label = new Span(getTranslation("chat.note.label", message.authorName()));
            label.addClassName("note-label");
            bubble.add(label);
        } else if (message.kind() == MessageKind.MANAGER) {
            var author = new Span(MessageMarks.author(this, message));
            author.addClassName("author");
            if (message.marks().sentFromApp() != null) {
                author.addClassName("sent-from-app");
            }
            bubble.add(author);
        }
        var origin = MessageMarks.origin(this, message);
        if (origin != null) {
            bubble.add(origin);
        }
        if (message.marks().deletedByClient()) {
            addClassName("message-deleted");
        }
        if (message.replyTo() != null) {
            bubble.add(quote(message.replyTo()));
        }
        if (MailBody.wanted(message)) {
            bubble.add(new MailBody(message));
        } else if (message.body() != null && !message.body().isEmpty()) {
            var text = new Div();
            text.setText(message.body());
            text.addClassName("text");
            bubble.add(text);
        }
        java.util.Set<Integer> inline = MailBody.inlineImages(message);
        for (int i = 0; i < message.attachments().size(); i++) {
            AttachmentView a = message.attachments().get(i);
            // An e-mail's inline (cid:) picture is shown where the mail puts it, once it is stored.
            if (!(inline.contains(i) && a.stored())) {
                bubble.add(a.stored() ? attachment(a) : placeholder(a, onRetryDownload));
            }
        }
        var marks = MessageMarks.after(this, message);
        if (marks != null) {
            bubble.add(marks);
        }
        bubble.add(meta(time));
        if (message.status() == DeliveryStatus.FAILED) {
            var retry =
                    new Button(getTranslation("chat.retry"), VaadinIcon.REFRESH.create(), e -> onRetry.accept(message));
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            retry.addClassName("retry");
            bubble.add(retry);
        }
        add(bubble, menu(onReply, onRetry, comments));
    }

    MessageView message() {
        return message;
    }

    /** WhatsApp's re-engagement refusal (131047): the window closed, only a template can go. */
    boolean refusedForTheWindow() {
        return message.status() == DeliveryStatus.FAILED
                && message.failureReason() != null
                && message.failureReason().contains("(code 131047)");
    }

    /** Offers the template picker on a message refused because the window closed. */
    void offerTemplate(Runnable open) {
        var choose =
                new Button(getTranslation("templates.choose"), VaadinIcon.COMMENT_ELLIPSIS_O.create(), e -> open.run());
        choose.addThemeVariants(ButtonVariant.LUMO_SMALL);
        choose.addClassName("choose-template");
        getChildren().filter(c -> c.hasClassName("bubble")).findFirst().ifPresent(bubble -> ((Div) bubble).add(choose));
    }

    private String systemText() {
        return getTranslation(
                "system." + message.systemCode(), message.systemArgs().toArray());
    }

    private Div quote(MessageView.Quote quote) {
        var who = new Span(
                quote.kind() == MessageKind.CLIENT
                        ? getTranslation("chat.quote.client")
                        : quote.authorName() == null ? "" : quote.authorName());
        who.addClassName("quote-author");
        var text = new Span(quote.excerpt());
        var box = new Div(who, text);
        box.addClassName("quote");
        return box;
    }

    private Div meta(TimeFormat time) {
        var meta = new Div();
        meta.addClassName("meta");
        meta.add(new Span(time.messageTime(message.createdAt())));
        if (message.edited()) {
            meta.add(new Span(getTranslation("chat.edited")));
        }
        if (message.status() != null) {
            meta.add(statusIcon(message.status()));
        }
        if (message.status() == DeliveryStatus.FAILED) {
            var reason = new Span(getTranslation("chat.status.failed-reason", String.valueOf(message.failureReason())));
            reason.addClassName("failure");
            meta.add(reason);
        }
        return meta;
    }

    private Icon statusIcon(DeliveryStatus status) {
        Icon icon = switch (status) {
            case PENDING -> VaadinIcon.CLOCK.create();
            case SENT -> VaadinIcon.CHECK.create();
            case DELIVERED, READ -> VaadinIcon.CHECK_CIRCLE.create();
            case FAILED -> VaadinIcon.EXCLAMATION_CIRCLE.create();
        };
        icon.addClassNames("status", "status-" + status.name().toLowerCase());
        icon.setTooltipText(getTranslation("chat.status." + status.name().toLowerCase()));
        icon.getElement()
                .setAttribute(
                        "aria-label",
                        getTranslation("chat.status." + status.name().toLowerCase()));
        return icon;
    }

    private com.vaadin.flow.component.Component attachment(AttachmentView file) {
        // A plain URL of the application (AttachmentController), not a session resource: the same
        // safe headers for every file, whoever serves it.
        String url = AttachmentController.url(file.id());
        if (file.image()) {
            var image = new Image(url, file.fileName());
            image.addClassName("attachment-image");
            return image;
        }
        var link = new Anchor(url, file.fileName());
        link.addClassName("attachment-file");
        link.getElement().setAttribute("download", true);
        return link;
    }

    /** A client's file not downloaded (yet): what it is, why it is missing, and "Try again" once given up. */
    private Div placeholder(AttachmentView file, Consumer<AttachmentView> onRetryDownload) {
        var box = new Div();
        box.addClassNames(
                "attachment-placeholder", "attachment-" + file.status().name().toLowerCase(java.util.Locale.ROOT));
        box.getElement().setAttribute("data-attachment-id", Long.toString(file.id()));
        String what = file.image()
                ? getTranslation("chat.attachment.picture")
                : getTranslation("chat.attachment.file", file.fileName());
        Icon icon = (file.image() ? VaadinIcon.PICTURE : VaadinIcon.FILE_O).create();
        icon.addClassName("attachment-placeholder-icon");
        var text = new Span(
                file.status() == AttachmentView.Status.FAILED
                        ? getTranslation("chat.attachment.failed", what, String.valueOf(file.failureReason()))
                        : getTranslation("chat.attachment.pending", what));
        text.addClassName("attachment-placeholder-text");
        box.add(icon, text);
        if (file.status() == AttachmentView.Status.FAILED) {
            var again = new Button(
                    getTranslation("chat.attachment.try-again"),
                    VaadinIcon.REFRESH.create(),
                    e -> onRetryDownload.accept(file));
            again.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            again.addClassName("attachment-try-again");
            box.add(again);
        }
        return box;
    }

    private Button menu(Consumer<MessageView> onReply, Consumer<MessageView> onRetry, CommentActions comments) {
        var button = new Button(VaadinIcon.ELLIPSIS_DOTS_V.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        button.addClassName("message-menu");
        button.setAriaLabel(getTranslation("chat.menu"));
        var menu = new ContextMenu(button);
        menu.setOpenOnClick(true);
        if (message.kind() != MessageKind.NOTE) {
            menu.addItem(getTranslation("chat.reply"), e -> onReply.accept(message));
        }
        if (comments != null
                && message.kind() == MessageKind.CLIENT
                && message.marks().comment()) {
            var refusal = comments.privateReplyRefusal(message);
            var direct = menu.addItem(
                    refusal.isEmpty()
                            ? getTranslation("chat.comment.reply-in-direct")
                            : getTranslation("chat.comment.reply-in-direct.not", getTranslation(refusal.get())),
                    e -> comments.replyInDirect(message));
            direct.setEnabled(refusal.isEmpty());
            if (comments.canModerate() && !message.marks().commentDeleted()) {
                var action = message.marks().commentHidden()
                        ? com.omnichat.channel.CommentModeration.Action.UNHIDE
                        : com.omnichat.channel.CommentModeration.Action.HIDE;
                menu.addItem(
                        getTranslation("chat.comment." + action.name().toLowerCase(java.util.Locale.ROOT)),
                        e -> comments.moderate(message, action));
                menu.addItem(
                        getTranslation("chat.comment.delete"),
                        e -> comments.moderate(message, com.omnichat.channel.CommentModeration.Action.DELETE));
            }
        }
        var copy = menu.addItem(getTranslation("chat.copy"));
        Clipboard.onClick(copy).writeText(message.body() == null ? "" : message.body());
        if (message.status() == DeliveryStatus.FAILED) {
            menu.addItem(getTranslation("chat.retry"), e -> onRetry.accept(message));
        }
        return button;
    }
}
