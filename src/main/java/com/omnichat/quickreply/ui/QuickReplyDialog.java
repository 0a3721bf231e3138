package com.omnichat.quickreply.ui;

import com.omnichat.base.UserFacingException;
import com.omnichat.base.ui.Forms;
import com.omnichat.base.ui.Notifications;
import com.omnichat.quickreply.QuickReply;
import com.omnichat.quickreply.QuickReplyDraft;
import com.omnichat.quickreply.QuickReplyService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Creates a template (template == null) or edits one, bound to its {@link QuickReplyDraft};
 * errors show on their fields and keep the dialog open. Delete asks once more on the same button.
 */
class QuickReplyDialog extends Dialog {

    private final QuickReplyService service;
    private final @Nullable QuickReply template;
    private final boolean shared;
    private final Runnable onSaved;
    private boolean deleteArmed;

    final TextField title = new TextField(getTranslation("quickreply.title"));
    final TextArea body = new TextArea(getTranslation("quickreply.body"));
    final TextField shortcut = new TextField(getTranslation("quickreply.shortcut"));
    final Checkbox active = new Checkbox(getTranslation("quickreply.active"));
    final Button save = new Button(getTranslation("action.save"));
    final Button delete = new Button(getTranslation("quickreply.delete"));
    final BeanValidationBinder<QuickReplyDraft> binder = Forms.binder(QuickReplyDraft.class);

    QuickReplyDialog(QuickReplyService service, @Nullable QuickReply template, boolean shared, Runnable onSaved) {
        this.service = service;
        this.template = template;
        this.shared = shared;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation(template == null ? "quickreply.create" : "quickreply.edit"));
        setWidth("min(40rem, 95vw)");
        add(form());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        var cancel = new Button(getTranslation("action.cancel"), e -> close());
        if (template != null) {
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            delete.addClickListener(e -> delete());
            getFooter().add(delete);
        }
        getFooter().add(cancel, save);
    }

    private FormLayout form() {
        title.setRequired(true);
        title.setMaxLength(QuickReplyService.MAX_TITLE);
        body.setRequired(true);
        body.setMaxLength(QuickReplyService.MAX_BODY);
        body.setMinRows(4);
        body.setHelperText(getTranslation("quickreply.body.helper", "{client_name}, {manager_name}, {order_number}"));
        shortcut.setMaxLength(QuickReplyService.MAX_SHORTCUT);
        shortcut.setPrefixComponent(new com.vaadin.flow.component.html.Span("/"));
        shortcut.setHelperText(getTranslation("quickreply.shortcut.helper"));
        binder.forField(title).bind("title");
        binder.forField(body).bind("body");
        binder.forField(shortcut).bind("shortcut");
        binder.forField(active).bind("active");
        binder.forField(Forms.kept(shared)).bind("shared");
        binder.readRecord(
                template == null
                        ? new QuickReplyDraft("", "", "", true, shared)
                        : new QuickReplyDraft(
                                template.title(), template.body(), template.shortcut(), template.active(), shared));
        var form = new FormLayout(title, shortcut, body, active);
        form.setColspan(body, 2);
        return form;
    }

    private void save() {
        QuickReplyDraft draft;
        try {
            draft = binder.writeRecord();
        } catch (ValidationException e) {
            return;
        }
        try {
            if (template == null) {
                service.create(draft);
                Notifications.success("quickreply.created", title.getValue());
            } else {
                service.update(template.id(), draft, template.version());
                Notifications.success("quickreply.saved", title.getValue());
            }
            close();
            onSaved.run();
        } catch (UserFacingException e) {
            Forms.show(
                    e,
                    Map.of(
                            "quickreply.error.shortcut",
                            shortcut,
                            "quickreply.error.title",
                            title,
                            "quickreply.error.body",
                            body));
        }
    }

    private void delete() {
        if (template == null) {
            return;
        }
        if (!deleteArmed) {
            // A second click on the same button confirms: no extra dialog over the dialog.
            deleteArmed = true;
            delete.setText(getTranslation("quickreply.delete.confirm", template.title()));
            delete.removeThemeVariants(ButtonVariant.LUMO_TERTIARY);
            delete.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            return;
        }
        try {
            service.delete(template.id());
            Notifications.success("quickreply.deleted", template.title());
            close();
            onSaved.run();
        } catch (UserFacingException e) {
            Notifications.error(e);
        }
    }
}
