package com.omnichat.chat.ui;

import com.omnichat.chat.WriteFirstService;
import com.omnichat.customer.ClientSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/** "Write message" above the chat list: starts a dialog with a client by phone, e-mail or an existing contact. */
class WriteMessageButton extends Button {

    private final WriteFirstService writeFirst;
    private final LongConsumer onWritten;
    /** The dialog opened last. */
    @Nullable
    WriteMessageDialog dialog;

    /** {@code onWritten} gets the chat the first message went to. */
    WriteMessageButton(WriteFirstService writeFirst, LongConsumer onWritten) {
        super(VaadinIcon.PENCIL.create());
        this.writeFirst = writeFirst;
        this.onWritten = onWritten;
        setText(getTranslation("write.button"));
        addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        addClassName("write-button");
        addClickListener(e -> openFor(null, null));
    }

    /** Opens the dialog, with the client (and the channel) chosen when given. */
    void openFor(@Nullable ClientSummary client, @Nullable Long channelId) {
        dialog = new WriteMessageDialog(writeFirst, writeFirst.templates(), client, channelId, onWritten::accept);
        dialog.open();
    }
}
