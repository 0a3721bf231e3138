package com.omnichat.chat.ui;

import com.omnichat.base.NotFoundException;
import com.omnichat.base.UserFacingException;
import com.omnichat.base.ui.Notifications;
import com.omnichat.channel.TemplateService;
import com.omnichat.chat.InboxService;
import com.omnichat.chat.WriteFirstService;
import com.omnichat.chat.WriteFirstService.ChannelChoice;
import com.omnichat.customer.ClientSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.util.List;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * "Write message": choose the client (search), the channel to write from, type, send. The
 * channels list shows every channel of the user; those that cannot reach the client are
 * disabled with the reason (no phone in the card, a bot he never wrote to, ...).
 */
class WriteMessageDialog extends Dialog {

    private final WriteFirstService service;
    private final LongConsumer onSent;
    private final @Nullable TemplateService templates;
    /** The template picker of the chosen channel, when it starts only with a template. */
    @Nullable
    TemplatePicker picker;

    private final Div pickerSlot = new Div();

    final ComboBox<ClientSummary> client = new ComboBox<>();
    final RadioButtonGroup<ChannelChoice> channel = new RadioButtonGroup<>();
    final Div noChannel = new Div();
    /** Shown when the chosen channel starts by phone only with an approved template. */
    final Div templateNeeded = new Div();
    /** Why no numbered Telegram is offered: bots only answer (SPEC 1.6). */
    final Div telegramNote = new Div();

    final TextArea text = new TextArea();
    /** Asked only when the message starts an e-mail thread. */
    final TextField subject = new TextField();

    final Button send = new Button();

    /** Opens empty, or with the client (and channel) chosen, e.g. from an order's "Write". */
    WriteMessageDialog(
            WriteFirstService service,
            @Nullable ClientSummary preselected,
            @Nullable Long channelId,
            LongConsumer onSent) {
        this(service, null, preselected, channelId, onSent);
    }

    WriteMessageDialog(
            WriteFirstService service,
            @Nullable TemplateService templates,
            @Nullable ClientSummary preselected,
            @Nullable Long channelId,
            LongConsumer onSent) {
        this.service = service;
        this.templates = templates;
        this.onSent = onSent;
        addClassName("write-dialog");
        setHeaderTitle(getTranslation("write.title"));
        setWidth("min(36rem, 95vw)");
        configureClient();
        configureChannels();
        configureText();
        configureSubject();
        templateNeeded.addClassName("write-template-needed");
        templateNeeded.setVisible(false);
        telegramNote.addClassName("write-telegram-note");
        telegramNote.setText(getTranslation("write.telegram-note"));
        pickerSlot.addClassName("write-template-slot");
        pickerSlot.setWidthFull();
        var body =
                new VerticalLayout(client, channel, noChannel, templateNeeded, pickerSlot, subject, text, telegramNote);
        body.setPadding(false);
        body.setSpacing(true);
        add(body);
        send.setText(getTranslation("write.send"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> send());
        send.setEnabled(false);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), send);
        if (preselected != null) {
            client.setValue(preselected);
            if (channelId != null) {
                channel.getListDataView()
                        .getItems()
                        .filter(c -> c.channel().id() == channelId && c.offered())
                        .findFirst()
                        .ifPresent(channel::setValue);
            }
        }
        updateSend();
    }

    private void configureClient() {
        client.setLabel(getTranslation("write.client"));
        client.setPlaceholder(getTranslation("write.client.placeholder"));
        client.setWidthFull();
        client.setRequired(true);
        client.setItemLabelGenerator(ClientSummary::name);
        client.setItems(query ->
                service.findClients(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
        // Name, then what tells namesakes apart: phone, e-mail or nickname (text bindings only, never HTML).
        client.setRenderer(LitRenderer.<ClientSummary>of("""
                        <div class="write-client-option"><span>${item.name}</span>
                        <span class="write-client-detail">${item.detail}</span></div>""")
                .withProperty("name", ClientSummary::name)
                .withProperty("detail", WriteMessageDialog::detail));
        client.addValueChangeListener(e -> clientChosen(e.getValue()));
    }

    private static String detail(ClientSummary c) {
        return java.util.stream.Stream.of(c.phone(), c.email(), c.nickname() == null ? null : "@" + c.nickname())
                .filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.joining(" · "));
    }

    private void configureChannels() {
        channel.setLabel(getTranslation("write.channel"));
        channel.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        channel.addClassName("write-channels");
        channel.setItemEnabledProvider(ChannelChoice::offered);
        channel.setRenderer(new ComponentRenderer<>(this::channelLabel));
        channel.setVisible(false);
        channel.addValueChangeListener(e -> channelChosen(e.getValue()));
        noChannel.addClassName("write-no-channel");
        noChannel.setVisible(false);
    }

    private Div channelLabel(ChannelChoice choice) {
        var icon = new Icon(choice.channel().type().icon());
        icon.addClassName("write-channel-icon");
        var name = new Span(choice.channel().name());
        name.addClassName("write-channel-name");
        ClientSummary chosen = client.getValue();
        var reason = new Span(getTranslation(
                choice.reason().key(),
                chosen == null ? "" : chosen.name(),
                chosen == null || chosen.phone() == null ? "" : chosen.phone()));
        reason.addClassName("write-channel-reason");
        var label = new Div(new Div(icon, name), reason);
        label.addClassName("write-channel");
        label.setClassName("write-channel-unavailable", !choice.offered());
        return label;
    }

    private void configureSubject() {
        subject.setLabel(getTranslation("write.subject"));
        subject.setWidthFull();
        subject.setMaxLength(500);
        subject.setRequired(true);
        subject.setVisible(false);
        subject.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        subject.addValueChangeListener(e -> updateSend());
    }

    private boolean startsMailThread() {
        return channel.getValue() != null && channel.getValue().reason() == WriteFirstService.Reason.BY_EMAIL;
    }

    private void configureText() {
        text.setLabel(getTranslation("write.text"));
        text.setWidthFull();
        text.setMinRows(3);
        text.setMaxRows(10);
        text.setMaxLength(InboxService.MAX_TEXT);
        text.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        text.addValueChangeListener(e -> updateSend());
    }

    private void clientChosen(@Nullable ClientSummary chosen) {
        channel.clear();
        if (chosen == null) {
            channel.setItems(List.of());
            channel.setVisible(false);
            noChannel.setVisible(false);
            updateSend();
            return;
        }
        List<ChannelChoice> choices;
        try {
            choices = service.channelsFor(chosen.id());
        } catch (NotFoundException e) {
            client.clear();
            return;
        }
        channel.setItems(choices);
        channel.setVisible(!choices.isEmpty());
        List<ChannelChoice> offered =
                choices.stream().filter(ChannelChoice::offered).toList();
        if (offered.size() == 1) {
            channel.setValue(offered.getFirst());
        }
        noChannel.setText(getTranslation("write.no-channel", chosen.name()));
        noChannel.setVisible(offered.isEmpty());
        updateSend();
    }

    /** A channel that starts only with a template takes no free text: say so instead of the text field. */
    private void channelChosen(@Nullable ChannelChoice choice) {
        boolean template = choice != null && choice.templateRequired();
        templateNeeded.setVisible(template);
        templateNeeded.setText(
                template
                        ? getTranslation(
                                "write.template-required", choice.channel().name())
                        : "");
        text.setEnabled(!template);
        text.setVisible(!template || templates == null);
        pickerSlot.removeAll();
        picker = null;
        ClientSummary chosen = client.getValue();
        if (template && templates != null && chosen != null) {
            picker = new TemplatePicker(
                    templates,
                    choice.channel().id(),
                    new TemplatePicker.Prefill(
                            chosen.name(),
                            com.omnichat.base.CurrentStaff.require().fullName(),
                            service.latestOrderNumber(chosen.id())),
                    this::updateSend);
            pickerSlot.add(picker);
        }
        updateSend();
    }

    private void updateSend() {
        subject.setVisible(startsMailThread());
        ChannelChoice choice = channel.getValue();
        boolean content = choice != null && choice.templateRequired()
                ? picker != null && picker.value().isPresent()
                : !text.getValue().isBlank();
        send.setEnabled(client.getValue() != null
                && choice != null
                && choice.offered()
                && content
                && (!startsMailThread() || !subject.getValue().isBlank()));
    }

    void send() {
        ClientSummary chosen = client.getValue();
        ChannelChoice choice = channel.getValue();
        if (chosen == null || choice == null) {
            return;
        }
        try {
            long conversationId;
            if (choice.templateRequired() && picker != null && picker.value().isPresent()) {
                TemplatePicker.Choice template = picker.value().get();
                conversationId = service.writeTemplate(
                        chosen.id(),
                        choice.channel().id(),
                        template.template().name(),
                        template.template().language(),
                        template.header(),
                        template.body(),
                        template.headerMediaUrl());
            } else {
                conversationId = service.write(
                        chosen.id(),
                        choice.channel().id(),
                        text.getValue(),
                        startsMailThread() ? subject.getValue() : null);
            }
            close();
            Notifications.success("write.sent", chosen.name());
            onSent.accept(conversationId);
        } catch (UserFacingException e) {
            Notifications.error(e);
        } catch (NotFoundException e) {
            Notifications.errorKey("write.error.gone");
            clientChosen(client.getValue());
        }
    }
}
