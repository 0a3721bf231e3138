package com.omnichat.chat.ui;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.UserFacingException;
import com.omnichat.base.ui.Notifications;
import com.omnichat.chat.AttachmentView;
import com.omnichat.chat.ChatEvent;
import com.omnichat.chat.CommentReplies;
import com.omnichat.chat.ConversationState;
import com.omnichat.chat.ConversationSummary;
import com.omnichat.chat.InboxService;
import com.omnichat.chat.MessageView;
import com.omnichat.chat.OutgoingAttachment;
import com.omnichat.chat.PresenceService;
import com.omnichat.chat.ReplyWindow;
import com.omnichat.chat.ReplyWindows;
import com.omnichat.chat.TemplateReplies;
import com.omnichat.quickreply.QuickReplyService;
import com.omnichat.user.StaffMember;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.UUID;

/**
 * The middle column: top bar, message history (older pages load when scrolled to the
 * top, new messages arrive live) and the composer.
 */
class ChatWindow extends VerticalLayout {

    private final InboxService inbox;
    private final CommentReplies comments;
    private final PresenceService presence;
    private final long conversationId;
    private final PageActions page;
    private final String viewKey = UUID.randomUUID().toString();
    private ConversationSummary chat;
    private TimeFormat time;

    final ChatHeader header;
    final MessageHistory messages;
    final Composer composer;

    /** What the window asks of the page around it (the list and the client card are the page's). */
    interface PageActions {
        void toggleList();

        void toggleCard();

        void backToList();
    }

    ChatWindow(
            InboxService inbox,
            CommentReplies comments,
            PresenceService presence,
            QuickReplyService quickReplies,
            ConversationSummary chat,
            List<StaffMember> staff,
            String link,
            PageActions page) {
        this.inbox = inbox;
        this.comments = comments;
        this.presence = presence;
        this.chat = chat;
        this.conversationId = chat.id();
        this.page = page;
        addClassName("chat-window");
        setPadding(false);
        setSpacing(false);
        header = new ChatHeader(chat, staff, link, headerActions());
        inbox.subject(chat.id()).ifPresent(header::showSubject);
        composer = new Composer(
                composerActions(),
                quickReplies,
                () -> quickReplies.variablesFor(this.chat.clientId(), this.chat.clientName()));
        messages = new MessageHistory(inbox, conversationId, this::item);
        add(header, messages, composer);
        setFlexGrow(1, messages);
        setAlignItems(FlexComponent.Alignment.STRETCH);
    }

    long conversationId() {
        return conversationId;
    }

    /** Alt+M: between reply and note. */
    void toggleNoteMode() {
        composer.toggleNoteMode();
    }

    /** Alt+C: closes the chat, or reopens a closed one. */
    void closeOrReopen() {
        toggleState();
    }

    void listCollapsed(boolean collapsed) {
        header.listCollapsed(collapsed);
    }

    /** The client card (an overlay below desktop width) was opened or closed. */
    void cardShown(boolean shown) {
        header.cardShown(shown);
        if (!shown) {
            header.focusCardToggle();
        }
    }

    // ---- the messaging window (Meta's hint, WhatsApp's templates) ----

    private @org.jspecify.annotations.Nullable ReplyWindows windows;
    private @org.jspecify.annotations.Nullable TemplateReplies templateReplies;
    private java.util.function.@org.jspecify.annotations.Nullable Supplier<TemplatePicker.Prefill> prefill;
    /** Shown instead of free text while the channel's window is closed, with the template picker's button. */
    final com.vaadin.flow.component.html.Div windowClosed = new com.vaadin.flow.component.html.Div();

    TemplateDialog templateDialog;

    /**
     * Enables the window rules: a hint under the input where the channel has one; where only a
     * template may be sent, the composer takes no free text and offers a template.
     */
    void windowRules(
            ReplyWindows windows,
            TemplateReplies replies,
            java.util.function.Supplier<TemplatePicker.Prefill> prefill) {
        this.windows = windows;
        this.templateReplies = replies;
        this.prefill = prefill;
        windowClosed.addClassName("chat-window-closed");
        var text = new com.vaadin.flow.component.html.Span(getTranslation("chat.window-closed"));
        var choose =
                new com.vaadin.flow.component.button.Button(getTranslation("templates.choose"), e -> openTemplates());
        choose.addClassName("chat-window-template");
        windowClosed.add(text, choose);
        addComponentAtIndex(indexOf(composer), windowClosed);
        updateWindow();
    }

    /** The template picker for this chat (also from a message refused because the window closed). */
    void openTemplates() {
        if (templateReplies == null || prefill == null) {
            return;
        }
        templateDialog = new TemplateDialog(
                templateReplies, conversationId, chat.channel().id(), prefill.get(), this::refresh);
        templateDialog.open();
    }

    private void updateWindow() {
        if (windows == null) {
            return;
        }
        ReplyWindow window = windows.of(conversationId);
        boolean closed = window.templateOnly();
        windowClosed.setVisible(closed);
        composer.input.setEnabled(!closed);
        composer.send.setEnabled(!closed);
        String hint = window.hintKey();
        composer.windowHint(
                hint == null ? null : getTranslation(hint, chat.channel().name()));
    }

    ConversationSummary chat() {
        return chat;
    }

    /** Re-reads the chat (top bar) and the newest messages, e.g. after a change on the client card. */
    void refresh() {
        chat = inbox.get(conversationId);
        header.update(chat);
        messages.refreshRecent();
        updateWindow();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        time = TimeFormat.of(event.getUI());
        messages.loadFirstPage();
        updateWindow();
        presence.viewing(conversationId, viewKey);
        header.presence().alreadyHere(presence.others(conversationId));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        presence.left(conversationId, viewKey);
    }

    /** A live event about this chat (called inside {@code UI.access}). */
    void onEvent(ChatEvent event) {
        if (event.type() == ChatEvent.Type.PRESENCE) {
            onPresence(event.presence());
            return;
        }
        refresh();
    }

    private MessageItem item(MessageView m) {
        var item = new MessageItem(
                m, time, this::replyTo, this::retry, this::retryDownload, comments == null ? null : commentActions);
        if (templateReplies != null && item.refusedForTheWindow()) {
            item.offerTemplate(this::openTemplates);
        }
        return item;
    }

    /** Scrolls to the message and marks it for a moment (once the history is shown, if it is not yet). */
    void showMessage(long messageId) {
        messages.showMessage(messageId);
    }

    /** "⋮ → Reply": on a comment it answers in the comments, on anything else it quotes. */
    private void replyTo(MessageView message) {
        composer.replyTo(
                message,
                message.kind() == com.omnichat.chat.MessageKind.CLIENT
                                && message.marks().comment()
                        ? Composer.ReplyMode.COMMENT
                        : Composer.ReplyMode.QUOTE);
    }

    private final MessageItem.CommentActions commentActions = new MessageItem.CommentActions() {
        @Override
        public java.util.Optional<String> privateReplyRefusal(MessageView comment) {
            return comments.privateReplyRefusal(conversationId, comment.id());
        }

        @Override
        public void replyInDirect(MessageView comment) {
            composer.replyTo(comment, Composer.ReplyMode.PRIVATE);
        }

        @Override
        public boolean canModerate() {
            return comments.canModerate(conversationId);
        }

        @Override
        public void moderate(MessageView comment, com.omnichat.channel.CommentModeration.Action action) {
            if (action == com.omnichat.channel.CommentModeration.Action.DELETE) {
                var confirm = new com.vaadin.flow.component.confirmdialog.ConfirmDialog(
                        getTranslation("chat.comment.delete.title"),
                        getTranslation("chat.comment.delete.text"),
                        getTranslation("chat.comment.delete"),
                        e -> act(() -> comments.moderate(conversationId, comment.id(), action)));
                confirm.setCancelable(true);
                confirm.setCancelText(getTranslation("action.cancel"));
                confirm.setConfirmButtonTheme("error primary");
                confirm.open();
            } else {
                act(() -> comments.moderate(conversationId, comment.id(), action));
            }
        }
    };

    private void retry(MessageView message) {
        act(() -> inbox.retry(conversationId, message.id()));
    }

    private void retryDownload(AttachmentView file) {
        act(() -> inbox.retryDownload(conversationId, file.id()));
    }

    private ChatHeader.Actions headerActions() {
        return new ChatHeader.Actions() {
            @Override
            public void toggleList() {
                page.toggleList();
            }

            @Override
            public void toggleCard() {
                page.toggleCard();
            }

            @Override
            public void backToList() {
                page.backToList();
            }

            @Override
            public void assign(Long userId) {
                act(() -> inbox.assign(conversationId, userId));
            }

            @Override
            public void toggleState() {
                ChatWindow.this.toggleState();
            }
        };
    }

    private void toggleState() {
        act(() -> {
            if (chat.state() == ConversationState.OPEN) {
                inbox.close(conversationId);
            } else {
                inbox.reopen(conversationId);
            }
        });
    }

    private Composer.Actions composerActions() {
        return new Composer.Actions() {
            @Override
            public void send(String text, MessageView replyTo, List<OutgoingAttachment> files) {
                Composer.ReplyMode mode = replyTo == null ? Composer.ReplyMode.QUOTE : composer.replyMode();
                if (act(() -> {
                    switch (mode) {
                        case COMMENT -> comments.answerInComments(conversationId, text, replyTo.id());
                        case PRIVATE -> comments.replyInDirect(conversationId, text, replyTo.id());
                        case QUOTE -> inbox.reply(conversationId, text, replyTo == null ? null : replyTo.id(), files);
                    }
                })) {
                    composer.clear();
                }
            }

            @Override
            public void note(String text) {
                if (act(() -> inbox.addNote(conversationId, text))) {
                    composer.clear();
                }
            }

            @Override
            public void typing() {
                presence.typing(conversationId);
            }
        };
    }

    /** Runs an action; the live event of the change then refreshes this window. */
    private boolean act(Runnable action) {
        try {
            action.run();
            chat = inbox.get(conversationId);
            header.update(chat);
            messages.refreshRecent();
            return true;
        } catch (UserFacingException e) {
            Notifications.error(e);
            return false;
        }
    }

    // ---- who else is here ----

    private void onPresence(ChatEvent.Presence p) {
        if (p != null && p.userId() != CurrentStaff.require().id()) {
            header.presence().changed(p);
        }
    }
}
