package com.omnichat.chat.ui;

import com.omnichat.channel.MessageTemplate;
import com.omnichat.channel.MessageTemplate.Kind;
import com.omnichat.channel.TemplateService;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.listbox.ListBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Choosing an approved template of a channel: search by name or text, a language, one input
 * per parameter (prefilled from what we know: the client's name, the manager's, the latest
 * order number), and a live preview of the text the client will read. The preview is plain
 * text: parameters typed here never become markup.
 */
class TemplatePicker extends VerticalLayout {

    /** What the inputs are prefilled with, where a parameter's name (or number) suggests it. */
    record Prefill(
            String clientName, String managerName, @Nullable String orderNumber) {}

    /** The chosen template with its parameter values (keys as in the template). */
    record Choice(
            MessageTemplate template,
            Map<String, String> header,
            Map<String, String> body,
            @Nullable String headerMediaUrl) {}

    private final TemplateService templates;
    private final long channelId;
    private final Prefill prefill;
    private final Runnable onChange;

    final TextField search = new TextField();
    final Select<String> language = new Select<>();
    final ListBox<MessageTemplate> list = new ListBox<>();
    final Div none = new Div();
    final VerticalLayout parameters = new VerticalLayout();
    final Map<String, TextField> headerInputs = new LinkedHashMap<>();
    final Map<String, TextField> bodyInputs = new LinkedHashMap<>();
    final TextField mediaUrl = new TextField();
    final Div preview = new Div();

    TemplatePicker(TemplateService templates, long channelId, Prefill prefill, Runnable onChange) {
        this.templates = templates;
        this.channelId = channelId;
        this.prefill = prefill;
        this.onChange = onChange;
        addClassName("template-picker");
        setPadding(false);
        setSpacing(true);

        search.setLabel(getTranslation("templates.search"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        search.setWidthFull();
        List<String> languages = templates.languages(channelId);
        language.setLabel(getTranslation("templates.language"));
        language.setItems(languages);
        language.setEmptySelectionAllowed(true);
        language.setEmptySelectionCaption(getTranslation("templates.language.any"));
        language.addValueChangeListener(e -> refresh());
        var filters = new HorizontalLayout(search, language);
        filters.setWidthFull();
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        list.addClassName("template-list");
        list.setItemLabelGenerator(t -> t.name() + " · " + t.language()
                + (t.category() == null ? "" : " · " + t.category().toLowerCase(Locale.ROOT)));
        list.addValueChangeListener(e -> chosen(e.getValue()));
        none.addClassName("template-none");
        none.setText(getTranslation("templates.none"));

        parameters.setPadding(false);
        parameters.setSpacing(false);
        parameters.addClassName("template-parameters");
        mediaUrl.setLabel(getTranslation("templates.media-url"));
        mediaUrl.setWidthFull();
        mediaUrl.setValueChangeMode(ValueChangeMode.EAGER);
        mediaUrl.addValueChangeListener(e -> updatePreview());
        preview.addClassName("template-preview");
        preview.getElement().setAttribute("aria-label", getTranslation("templates.preview"));

        add(filters, list, none, parameters, preview);
        refresh();
    }

    private void refresh() {
        MessageTemplate previous = list.getValue();
        List<MessageTemplate> found = templates.templates(channelId, search.getValue(), language.getValue());
        list.setItems(found);
        none.setVisible(found.isEmpty());
        list.setVisible(!found.isEmpty());
        if (previous != null && found.contains(previous)) {
            list.setValue(previous);
        } else if (found.size() == 1) {
            list.setValue(found.getFirst());
        } else {
            chosen(null);
        }
    }

    private void chosen(@Nullable MessageTemplate template) {
        parameters.removeAll();
        headerInputs.clear();
        bodyInputs.clear();
        if (template != null) {
            MessageTemplate.Component header = template.component(Kind.HEADER);
            if (header != null && header.mediaHeader()) {
                mediaUrl.clear();
                parameters.add(mediaUrl);
            }
            inputs(template, Kind.HEADER, headerInputs);
            inputs(template, Kind.BODY, bodyInputs);
        }
        updatePreview();
    }

    private void inputs(MessageTemplate template, Kind kind, Map<String, TextField> into) {
        MessageTemplate.Component component = template.component(kind);
        if (component == null) {
            return;
        }
        for (String parameter : component.parameters()) {
            var input = new TextField(getTranslation(
                    kind == Kind.HEADER ? "templates.parameter.header" : "templates.parameter.body", parameter));
            input.setWidthFull();
            input.setRequired(true);
            input.setValueChangeMode(ValueChangeMode.EAGER);
            input.setValue(suggestion(parameter));
            input.addValueChangeListener(e -> updatePreview());
            into.put(parameter, input);
            parameters.add(input);
        }
    }

    /** {{1}} or a name like "name"/"first_name" → the client; "manager"/"agent" → the manager; "order" → the order. */
    String suggestion(String parameter) {
        String p = parameter.toLowerCase(Locale.ROOT);
        if (p.contains("order")) {
            return prefill.orderNumber() == null ? "" : prefill.orderNumber();
        }
        if (p.contains("manager") || p.contains("agent") || p.contains("operator")) {
            return prefill.managerName();
        }
        if (p.equals("1") || p.contains("name") || p.contains("client") || p.contains("customer")) {
            return prefill.clientName();
        }
        return "";
    }

    private void updatePreview() {
        MessageTemplate template = list.getValue();
        preview.setVisible(template != null);
        // Text only: whatever is typed is shown as typed.
        preview.setText(template == null ? "" : template.render(values(headerInputs), values(bodyInputs)));
        onChange.run();
    }

    private static Map<String, String> values(Map<String, TextField> inputs) {
        Map<String, String> values = new LinkedHashMap<>();
        inputs.forEach((name, input) -> values.put(name, input.getValue()));
        return values;
    }

    /** The template with every parameter filled (and its media link, if it has a media header), or empty. */
    Optional<Choice> value() {
        MessageTemplate template = list.getValue();
        if (template == null) {
            return Optional.empty();
        }
        Map<String, String> header = values(headerInputs);
        Map<String, String> body = values(bodyInputs);
        boolean media = template.component(Kind.HEADER) != null
                && template.component(Kind.HEADER).mediaHeader();
        if (header.values().stream().anyMatch(String::isBlank)
                || body.values().stream().anyMatch(String::isBlank)
                || media && mediaUrl.getValue().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(
                new Choice(template, header, body, media ? mediaUrl.getValue().strip() : null));
    }
}
