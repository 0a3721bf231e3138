package com.omnichat.chat.ui;

import com.omnichat.base.UserFacingException;
import com.omnichat.base.ui.Notifications;
import com.omnichat.chat.TemplateReplies;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;

/** Sends an approved template into an open chat (the 24-hour window closed, or a send refused for it). */
class TemplateDialog extends Dialog {

    TemplatePicker picker;
    final Button send = new Button();

    TemplateDialog(
            TemplateReplies replies,
            long conversationId,
            long channelId,
            TemplatePicker.Prefill prefill,
            Runnable onSent) {
        addClassName("template-dialog");
        setHeaderTitle(getTranslation("templates.dialog.title"));
        setWidth("min(36rem, 95vw)");
        picker = new TemplatePicker(replies.templates(), channelId, prefill, this::update);
        add(picker);
        send.setText(getTranslation("write.send"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> picker.value().ifPresent(choice -> {
            try {
                replies.send(
                        conversationId,
                        choice.template().name(),
                        choice.template().language(),
                        choice.header(),
                        choice.body(),
                        choice.headerMediaUrl());
                close();
                onSent.run();
            } catch (UserFacingException ex) {
                Notifications.error(ex);
            }
        }));
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), send);
        update();
    }

    private void update() {
        // Also called while the picker is being built.
        send.setEnabled(picker != null && picker.value().isPresent());
    }
}
