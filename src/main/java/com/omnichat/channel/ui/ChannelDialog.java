package com.omnichat.channel.ui;

import com.omnichat.base.UserFacingException;
import com.omnichat.base.ui.Forms;
import com.omnichat.base.ui.Notifications;
import com.omnichat.channel.ChannelAdministration;
import com.omnichat.channel.ChannelDetails;
import com.omnichat.channel.ChannelDraft;
import com.omnichat.channel.ChannelMode;
import com.omnichat.channel.ChannelService;
import com.omnichat.channel.ChannelType;
import com.omnichat.user.StaffMember;
import com.omnichat.user.UserService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ReadOnlyHasValue;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Adds or edits a channel: connection (type, name, mode, secrets, settings, enabled) and
 * who has access; for a saved channel also its status (check connection, webhook URL and
 * registration, polling, last error) and the failed inbound events. The connection is bound
 * to its {@link ChannelDraft}; errors show on their fields.
 */
class ChannelDialog extends Dialog {

    private final ChannelAdministration administration;
    private final ChannelService channels;
    private final @Nullable ChannelDetails channel;
    private final Runnable onSaved;

    final Select<ChannelType> type = new Select<>();
    final TextField name = new TextField();
    final Select<ChannelMode> mode = new Select<>();
    final Checkbox enabled = new Checkbox();
    final MultiSelectComboBox<StaffMember> access = new MultiSelectComboBox<>();
    final Button save = new Button();
    final TabSheet tabs = new TabSheet();
    private final FormLayout credentials = new FormLayout();
    private final Map<String, HasValue<?, String>> secretInputs = new HashMap<>();
    private final Map<String, HasValue<?, String>> settingInputs = new HashMap<>();
    final BeanValidationBinder<ChannelDraft> binder = Forms.binder(ChannelDraft.class);
    // Kept by the form, or gathered from the inputs the channel type asks for when saving.
    private final ReadOnlyHasValue<Map<String, String>> secrets = Forms.kept(Map.of());
    private final ReadOnlyHasValue<Map<String, String>> settings = Forms.kept(Map.of());

    ChannelDialog(
            ChannelAdministration administration,
            ChannelService channels,
            UserService users,
            @Nullable ChannelDetails channel,
            Runnable onSaved,
            com.omnichat.channel.TemplateService templates) {
        this.administration = administration;
        this.channels = channels;
        this.channel = channel;
        this.onSaved = onSaved;
        addClassName("channel-dialog");
        setHeaderTitle(channel == null ? getTranslation("channels.create") : channel.name());
        setWidth("min(760px, 96vw)");

        tabs.setWidthFull();
        tabs.add(getTranslation("channels.tab.connection"), connectionForm(users));
        tabs.add(getTranslation("channels.tab.access"), accessForm(users));
        if (channel != null) {
            tabs.add(getTranslation("channels.tab.status"), new ChannelStatusPanel(administration, channel));
            tabs.add(
                    getTranslation("channels.tab.failed-events") + " ("
                            + channel.runtime().failedEvents() + ")",
                    new FailedEventsPanel(administration, channel));
            if (channel.capabilities().contains(com.omnichat.channel.Capability.TEMPLATES)) {
                tabs.add(getTranslation("channels.tab.templates"), new TemplatesPanel(templates, channel));
            }
        }
        add(tabs);

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        var cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, save);
    }

    private Component connectionForm(UserService users) {
        type.setLabel(getTranslation("channels.type"));
        type.setItems(channel == null ? List.copyOf(administration.connectableTypes()) : List.of(channel.type()));
        type.setItemLabelGenerator(t -> getTranslation("channel-type." + t.name()));
        type.setReadOnly(channel != null);
        name.setLabel(getTranslation("channels.name"));
        name.setMaxLength(ChannelAdministration.NAME_MAX);
        name.setRequired(true);
        mode.setLabel(getTranslation("channels.mode"));
        mode.setItemLabelGenerator(m -> getTranslation("channels.mode." + (m == null ? "NONE" : m.name())));
        mode.setEmptySelectionAllowed(true);
        mode.setEmptySelectionCaption(getTranslation("channels.mode.NONE"));
        enabled.setLabel(getTranslation("channels.enabled"));
        type.addValueChangeListener(e -> typeChanged(e.getValue()));
        var form = new FormLayout(type, name, mode, enabled);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2));
        credentials.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        var layout = new com.vaadin.flow.component.orderedlayout.VerticalLayout(form, credentials);
        layout.setPadding(false);
        binder.forField(Forms.kept(channel == null ? null : channel.id())).bind("id");
        binder.forField(type).bind("type");
        binder.forField(name).bind("name");
        binder.forField(mode).bind("mode");
        binder.forField(secrets).bind("secrets");
        binder.forField(settings).bind("settings");
        binder.forField(enabled).bind("enabled");
        if (channel != null) {
            type.setValue(channel.type());
            name.setValue(channel.name());
            mode.setValue(channel.mode());
            enabled.setValue(channel.enabled());
        } else {
            enabled.setValue(true);
            type.setValue(ChannelType.TELEGRAM);
        }
        return layout;
    }

    private void typeChanged(@Nullable ChannelType value) {
        credentials.removeAll();
        secretInputs.clear();
        settingInputs.clear();
        if (value == null) {
            return;
        }
        mode.setItems(List.copyOf(administration.modes(value)));
        if (channel != null) {
            mode.setValue(channel.mode());
        } else {
            mode.setValue(administration.modes(value).contains(ChannelMode.WEBHOOK) ? ChannelMode.WEBHOOK : null);
        }
        ChannelDetails.Form fields = administration.form(value);
        for (ChannelDetails.Field field : fields.secrets()) {
            var input = new PasswordField(getTranslation(field.labelKey()));
            input.setRevealButtonVisible(false);
            boolean stored = channel != null && channel.secretsSet().contains(field.name());
            input.setPlaceholder(stored ? getTranslation("channels.secret-stored") : "");
            input.setHelperText(getTranslation("channels.secret-help"));
            secretInputs.put(field.name(), input);
            credentials.add(input);
        }
        for (ChannelDetails.Field field : fields.settings()) {
            HasValue<?, String> input = field.multiline()
                    ? new TextArea(getTranslation(field.labelKey()))
                    : new TextField(getTranslation(field.labelKey()));
            if (channel != null) {
                input.setValue(channel.settings().getOrDefault(field.name(), ""));
            }
            settingInputs.put(field.name(), input);
            credentials.add((Component) input);
        }
    }

    private Component accessForm(UserService users) {
        access.setLabel(getTranslation("channels.access"));
        access.setHelperText(getTranslation("channels.access-help"));
        access.setWidthFull();
        List<StaffMember> managers = users.activeStaff().stream()
                .filter(m -> !m.worksInAllChannels())
                .sorted(Comparator.comparing(StaffMember::fullName))
                .toList();
        access.setItems(managers);
        access.setItemLabelGenerator(StaffMember::fullName);
        if (channel != null) {
            access.setValue(managers.stream()
                    .filter(m -> channel.userIds().contains(m.id()))
                    .collect(Collectors.toSet()));
        }
        return access;
    }

    void save() {
        secrets.setValue(values(secretInputs));
        settings.setValue(values(settingInputs));
        ChannelDraft draft;
        try {
            draft = binder.writeRecord();
        } catch (ValidationException e) {
            tabs.setSelectedIndex(0);
            return;
        }
        try {
            ChannelDetails saved = administration.save(draft);
            Set<Long> wanted = access.getValue().stream().map(StaffMember::id).collect(Collectors.toSet());
            Set<Long> granted = new HashSet<>(saved.userIds());
            wanted.stream().filter(id -> !granted.contains(id)).forEach(id -> channels.grant(saved.id(), id));
            granted.stream().filter(id -> !wanted.contains(id)).forEach(id -> channels.revoke(saved.id(), id));
            Notifications.success("channels.saved", saved.name());
            onSaved.run();
            close();
        } catch (UserFacingException e) {
            var fields = new HashMap<String, HasValidation>(
                    Map.of("channels.error.name", name, "channels.error.mode", mode));
            credentials
                    .getChildren()
                    .filter(PasswordField.class::isInstance)
                    .findFirst()
                    .ifPresent(first -> fields.put("channels.error.secret-required", (PasswordField) first));
            if (fields.keySet().stream().anyMatch(e.messageKey()::startsWith)) {
                tabs.setSelectedIndex(0);
            }
            Forms.show(e, fields);
        }
    }

    private static Map<String, String> values(Map<String, HasValue<?, String>> inputs) {
        Map<String, String> values = new HashMap<>();
        inputs.forEach((k, v) -> values.put(k, v.getValue()));
        return values;
    }

    static Paragraph hint(String text) {
        var hint = new Paragraph(text);
        hint.addClassName("channel-hint");
        return hint;
    }
}
