package com.omnichat.chat.ui;

import com.omnichat.base.NotFoundException;
import com.omnichat.chat.InboxService;
import com.omnichat.chat.MessageView;
import com.omnichat.chat.OutgoingAttachment;
import com.omnichat.quickreply.QuickReply;
import com.omnichat.quickreply.QuickReplyService;
import com.omnichat.quickreply.Variables;
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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The input at the bottom of the chat: Enter sends, Shift+Enter starts a new line; the
 * notepad button switches to note mode; files can be attached; a quoted message shows
 * above the input while replying. The lightning button (or {@code /word} typed at the
 * very start) opens the quick replies; a picked template is filled in and inserted into the
 * input for the manager to edit — never sent by itself.
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
    final Button templates = new Button(VaadinIcon.COMMENT_ELLIPSIS_O.create());
    final Upload upload;
    /** {@code /word} as the whole input: the quick-reply list filtered by that word. */
    private static final Pattern SLASH = Pattern.compile("^/([\\p{L}\\p{N}_-]*)$");

    private static final long TYPING_EVERY_MILLIS = 1500;
    private final QuickReplyService quickReplies;
    private final Supplier<Variables> variables;
    QuickReplyPicker picker;
    /** Caret position in the input when the picker opened; -1 when unknown (then text is appended). */
    private int caret = -1;
    /** After Esc on the {@code /} list, it stays closed until the input no longer starts with "/". */
    private boolean slashDismissed;

    private long lastTyping;
    private final Div replyBox = new Div();
    // Filled by the upload request, read by the send click.
    private final List<OutgoingAttachment> files = new CopyOnWriteArrayList<>();
    private final Actions actions;
    private MessageView replyTo;
    private boolean note;

    Composer(Actions actions, QuickReplyService quickReplies, Supplier<Variables> variables) {
        this.actions = actions;
        this.quickReplies = quickReplies;
        this.variables = variables;
        addClassName("composer");
        upload = new Upload(UploadHandler.inMemory((metadata, bytes) ->
                files.add(new OutgoingAttachment(metadata.fileName(), metadata.contentType(), bytes))));
        upload.setMaxFileSize(InboxService.MAX_FILE_BYTES);
        upload.setMaxFiles(5);
        upload.addClassName("composer-upload");
        upload.setUploadButton(iconButton(VaadinIcon.PAPERCLIP, "chat.attach"));
        // The composer is small: no drop-zone label, files still can be dropped on the button.
        upload.setDropLabel(new Span());
        upload.setDropLabelIcon(new Span());

        input.setPlaceholder(getTranslation("chat.input.placeholder"));
        input.setAriaLabel(getTranslation("a11y.chat.input"));
        input.setMaxLength(InboxService.MAX_TEXT);
        // Frequent enough to notice "/word" while typing; the typing announcement is throttled below.
        input.setValueChangeMode(ValueChangeMode.TIMEOUT);
        input.setValueChangeTimeout(300);
        input.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            onTyped(e.getValue());
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
        windowHint.addClassName("window-hint");
        windowHint.setVisible(false);
        templates.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        templates.setAriaLabel(getTranslation("quickreply.open"));
        templates.setTooltipText(getTranslation("quickreply.open"));
        templates.addClassName("composer-templates");
        templates.addClickListener(e -> openTemplates());

        var row = new Div(noteMode, templates, upload, input, send);
        row.addClassName("composer-row");
        add(windowHint, replyBox, row);
    }

    private void onTyped(String value) {
        if (!value.isBlank() && System.currentTimeMillis() - lastTyping >= TYPING_EVERY_MILLIS) {
            lastTyping = System.currentTimeMillis();
            actions.typing();
        }
        Matcher slash = SLASH.matcher(value);
        if (!slash.matches()) {
            slashDismissed = value.startsWith("/") && slashDismissed;
            return;
        }
        if (!slashDismissed && (picker == null || !picker.isOpened())) {
            openPicker(slash.group(1), true);
        }
    }

    /** The template button: insert at the caret, which the browser reports while the list opens. */
    void openTemplates() {
        caret = -1;
        input.getElement()
                .executeJs("return this.inputElement ? this.inputElement.selectionStart : -1")
                .then(Integer.class, position -> caret = position);
        openPicker("", false);
    }

    private void openPicker(String query, boolean slash) {
        picker = new QuickReplyPicker(quickReplies, query, slash, template -> insert(template, slash));
        if (slash) {
            picker.addOpenedChangeListener(e -> {
                if (!e.isOpened()) {
                    slashDismissed = true;
                }
            });
        }
        picker.open();
        if (slash) {
            // Keys typed after the server saw "/wo" but before the list took the focus are still
            // in the input: take the word as the browser has it now, and again at the moment the
            // search gets the focus (it moves a task later), so no letter is lost or misplaced.
            picker.search
                    .getElement()
                    .executeJs("window.omnichat && window.omnichat.takeSlashWord(this, $0)", input.getElement());
        }
    }

    /** Puts the filled template into the input: instead of "/word", at the caret, or at the end. */
    private void insert(QuickReply template, boolean slash) {
        String text = QuickReplyService.fill(template.body(), variables.get());
        String value = input.getValue();
        String result;
        int caretAfter;
        Matcher word = Pattern.compile("^/[\\p{L}\\p{N}_-]*").matcher(value);
        if (slash && word.find()) {
            result = text + value.substring(word.end());
            caretAfter = text.length();
        } else if (caret >= 0 && caret <= value.length()) {
            result = value.substring(0, caret) + text + value.substring(caret);
            caretAfter = caret + text.length();
        } else {
            String gap = value.isEmpty() || value.endsWith(" ") || value.endsWith("\n") ? "" : " ";
            result = value + gap + text;
            caretAfter = result.length();
        }
        input.setValue(result);
        try {
            quickReplies.markUsed(template.id());
        } catch (NotFoundException e) {
            // Deleted meanwhile: the text is inserted all the same, there is just nothing to count.
        }
        input.focus();
        input.getElement()
                .executeJs(
                        "requestAnimationFrame(() => this.inputElement && this.inputElement.setSelectionRange($0, $0))",
                        caretAfter);
    }

    /** How a reply goes: quoting in the chat, publicly under a comment, or privately in Direct to a comment. */
    enum ReplyMode {
        QUOTE,
        COMMENT,
        PRIVATE
    }

    private ReplyMode replyMode = ReplyMode.QUOTE;
    private final Span windowHint = new Span();

    ReplyMode replyMode() {
        return replyMode;
    }

    /** The messaging window's rule for a message typed normally (Instagram, Messenger); null hides it. */
    void windowHint(String text) {
        windowHint.setText(text == null ? "" : text);
        windowHint.setVisible(text != null);
    }

    void replyTo(MessageView message) {
        replyTo(message, ReplyMode.QUOTE);
    }

    void replyTo(MessageView message, ReplyMode mode) {
        this.replyTo = message;
        this.replyMode = mode;
        setNoteMode(false);
        replyBox.removeAll();
        String excerpt = message.body() == null ? "" : MessageTexts.excerpt(message.body());
        var text = new Span(getTranslation(
                switch (mode) {
                    case QUOTE -> "chat.replying-to";
                    case COMMENT -> "chat.comment.answering";
                    case PRIVATE -> "chat.comment.answering-in-direct";
                },
                excerpt));
        var cancel = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> clearReply());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        cancel.setAriaLabel(getTranslation("action.cancel"));
        replyBox.add(VaadinIcon.REPLY.create(), text, cancel);
        replyBox.setVisible(true);
        input.focus();
    }

    private void clearReply() {
        replyTo = null;
        replyMode = ReplyMode.QUOTE;
        replyBox.setVisible(false);
    }

    /** Alt+M: switch note mode and keep typing. */
    void toggleNoteMode() {
        setNoteMode(!note);
        input.focus();
    }

    boolean isNoteMode() {
        return note;
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
        private MessageTexts() {}

        static String excerpt(String text) {
            String flat = text.strip().replaceAll("\\s+", " ");
            return flat.length() <= 80 ? flat : flat.substring(0, 79) + "…";
        }
    }
}
