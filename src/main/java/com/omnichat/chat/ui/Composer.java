package com.omnichat.chat.ui;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

import com.omnichat.chat.InboxService;
import com.omnichat.chat.MessageView;
import com.omnichat.chat.OutgoingAttachment;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * The input at the bottom of the chat: Enter sends, Shift+Enter starts a new line; the
 * notepad button switches to note mode; files can be attached; a quoted message shows
 * above the input while replying.
 */
class Composer extends Div {

    /** What the composer asks its chat window to do. */
    interface Actions {
        void send(String text, MessageView replyTo, List<OutgoingAttachment> files);

        void note(String text);

        void typing();
    }

    final TextArea input = new TextArea();
    final Button send = new Button(VaadinIcon.PAPERPLANE.create());
    final Button noteMode = new Button(VaadinIcon.NOTEBOOK.create());
    final Upload upload;
    private final Div replyBox = new Div();
    // Filled by the upload request, read by the send click.
    private final List<OutgoingAttachment> files = new CopyOnWriteArrayList<>();
    private final Actions actions;
    private MessageView replyTo;
    private boolean note;

    Composer(Actions actions) {
        this.actions = actions;
        addClassName("composer");
        upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> files.add(
                new OutgoingAttachment(metadata.fileName(), metadata.contentType(), bytes))));
        upload.setMaxFileSize(InboxService.MAX_FILE_BYTES);
        upload.setMaxFiles(5);
        upload.addClassName("composer-upload");
        upload.setUploadButton(iconButton(VaadinIcon.PAPERCLIP, "chat.attach"));
        // The composer is small: no drop-zone label, files still can be dropped on the button.
        upload.setDropLabel(new Span());
        upload.setDropLabelIcon(new Span());

        input.setPlaceholder(getTranslation("chat.input.placeholder"));
        input.setMaxLength(InboxService.MAX_TEXT);
        input.setValueChangeMode(ValueChangeMode.TIMEOUT);
        input.setValueChangeTimeout(1500);
        input.addValueChangeListener(e -> {
            if (e.isFromClient() && !e.getValue().isBlank()) {
                actions.typing();
            }
        });
        input.addClassName("composer-input");
        Shortcuts.addShortcutListener(input, this::submit, Key.ENTER).listenOn(input);

        noteMode.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        noteMode.setAriaLabel(getTranslation("chat.note.toggle"));
        noteMode.setTooltipText(getTranslation("chat.note.toggle"));
        noteMode.addClickListener(e -> setNoteMode(!note));

        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setAriaLabel(getTranslation("chat.send"));
        send.setTooltipText(getTranslation("chat.send.hint"));
        send.addClickListener(e -> submit());

        replyBox.addClassName("reply-box");
        replyBox.setVisible(false);
        var row = new Div(noteMode, upload, input, send);
        row.addClassName("composer-row");
        add(replyBox, row);
    }

    void replyTo(MessageView message) {
        this.replyTo = message;
        setNoteMode(false);
        replyBox.removeAll();
        var text = new Span(getTranslation("chat.replying-to",
                message.body() == null ? "" : MessageTexts.excerpt(message.body())));
        var cancel = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> clearReply());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        cancel.setAriaLabel(getTranslation("action.cancel"));
        replyBox.add(VaadinIcon.REPLY.create(), text, cancel);
        replyBox.setVisible(true);
        input.focus();
    }

    private void clearReply() {
        replyTo = null;
        replyBox.setVisible(false);
    }

    void setNoteMode(boolean enabled) {
        note = enabled;
        if (enabled) {
            clearReply();
            addClassName("note-mode");
        } else {
            removeClassName("note-mode");
        }
        input.setPlaceholder(getTranslation(enabled ? "chat.note.placeholder" : "chat.input.placeholder"));
        noteMode.getElement().setAttribute("aria-pressed", Boolean.toString(enabled));
    }

    private void submit() {
        String text = input.getValue();
        if (text.isBlank() && (note || files.isEmpty())) {
            return;
        }
        if (note) {
            actions.note(text);
        } else {
            actions.send(text, replyTo, List.copyOf(files));
        }
    }

    /** Called by the chat window once the message was stored. */
    void clear() {
        input.clear();
        files.clear();
        upload.clearFileList();
        clearReply();
    }

    private Button iconButton(VaadinIcon icon, String labelKey) {
        var button = new Button(icon.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.setAriaLabel(getTranslation(labelKey));
        button.setTooltipText(getTranslation(labelKey));
        return button;
    }

    static final class MessageTexts {
        private MessageTexts() {
        }

        static String excerpt(String text) {
            String flat = text.strip().replaceAll("\\s+", " ");
            return flat.length() <= 80 ? flat : flat.substring(0, 79) + "…";
        }
    }
}
