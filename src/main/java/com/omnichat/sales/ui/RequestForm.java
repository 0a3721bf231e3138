package com.omnichat.sales.ui;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.NotFoundException;
import com.omnichat.base.UserFacingException;
import com.omnichat.base.ui.Forms;
import com.omnichat.base.ui.Notifications;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.customer.ClientSummary;
import com.omnichat.sales.RequestDraft;
import com.omnichat.sales.RequestService;
import com.omnichat.sales.RequestStage;
import com.omnichat.sales.SalesRequest;
import com.omnichat.user.StaffMember;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The request form: new (for a client, from a chat or his card) or existing, bound to its
 * {@link RequestDraft}. Errors show on their fields and keep it open; a concurrent change is
 * reported, never overwritten.
 */
@StyleSheet(SalesStyles.SHEET)
class RequestForm extends Dialog {

    private final RequestService requests;
    private final @Nullable SalesRequest existing;
    private final @Nullable ClientSummary client;
    private final @Nullable Long conversationId;
    private final Runnable onSaved;

    final TextField title = new TextField(getTranslation("request.title"));
    final Select<RequestStage> stage = new Select<>();
    final BigDecimalField amount = new BigDecimalField(getTranslation("request.amount"));
    final ComboBox<StaffMember> responsible = new ComboBox<>(getTranslation("sales.responsible"));
    final Select<ChannelInfo> channel = new Select<>();
    final TextField clientName = new TextField(getTranslation("sales.client"));
    final TextArea comment = new TextArea(getTranslation("sales.comment"));
    final Button save = new Button(getTranslation("action.save"));
    final BeanValidationBinder<RequestDraft> binder = Forms.binder(RequestDraft.class);

    RequestForm(
            SalesForms forms,
            @Nullable SalesRequest existing,
            @Nullable ClientSummary client,
            @Nullable Long conversationId,
            @Nullable Long channelId,
            Runnable onSaved) {
        this.requests = forms.requests;
        this.existing = existing;
        this.client = client;
        this.conversationId = conversationId;
        this.onSaved = onSaved;
        addClassName("sales-form");
        setWidth("min(40rem, 95vw)");
        setHeaderTitle(
                existing == null
                        ? getTranslation("request.new")
                        : getTranslation("request.edit", SalesFormat.number(existing.number())));

        clientName.setValue(
                existing != null
                        ? existing.clientName()
                        : Objects.requireNonNull(client).name());
        clientName.setReadOnly(true);
        title.setRequired(true);
        title.setMaxLength(RequestService.MAX_TITLE);
        title.setWidthFull();
        stage.setLabel(getTranslation("request.stage"));
        List<RequestStage> stages = new ArrayList<>(requests.stages());
        if (existing != null
                && stages.stream().noneMatch(s -> s.id() == existing.stage().id())) {
            stages.add(existing.stage());
        }
        stage.setItems(stages);
        stage.setItemLabelGenerator(s -> s == null ? "" : SalesFormat.stageName(s));
        amount.setPrefixComponent(new Icon("vaadin:money"));
        List<StaffMember> responsibleChoices =
                forms.responsibleChoices(existing == null ? null : existing.responsibleId());
        responsible.setItems(responsibleChoices);
        responsible.setItemLabelGenerator(StaffMember::fullName);
        responsible.setClearButtonVisible(true);
        comment.setMaxLength(RequestService.MAX_COMMENT);
        comment.setMinRows(2);
        List<ChannelInfo> channels = configureChannel(forms, existing, client, conversationId, channelId);

        binder.forField(title).bind("title");
        binder.forField(stage)
                .withConverter(Forms.byId(stages, RequestStage::id))
                .bind("stageId");
        binder.forField(amount).bind("amount");
        binder.forField(responsible)
                .withConverter(Forms.byId(responsibleChoices, StaffMember::id))
                .bind("responsibleId");
        binder.forField(comment).bind("comment");
        binder.forField(channel)
                .withConverter(Forms.byId(channels, ChannelInfo::id))
                .bind("channelId");
        binder.readRecord(
                existing == null
                        ? new RequestDraft(
                                "",
                                stages.getFirst().id(),
                                null,
                                CurrentStaff.require().id(),
                                "",
                                channel.getValue() == null
                                        ? null
                                        : channel.getValue().id())
                        : new RequestDraft(
                                existing.title(),
                                existing.stage().id(),
                                existing.amount(),
                                existing.responsibleId(),
                                existing.comment(),
                                existing.channelId()));

        var form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28rem", 2));
        form.add(title, 2);
        form.add(clientName, channel, stage, amount, responsible);
        form.add(comment, 2);
        add(form);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    /** The source channel: the chat's when there is one, else one of the client's channels (or none). */
    private List<ChannelInfo> configureChannel(
            SalesForms forms,
            @Nullable SalesRequest existing,
            @Nullable ClientSummary client,
            @Nullable Long conversationId,
            @Nullable Long channelId) {
        channel.setLabel(getTranslation("sales.source-channel"));
        channel.setItemLabelGenerator(c -> c == null ? "" : c.name());
        channel.setEmptySelectionAllowed(true);
        channel.setEmptySelectionCaption(getTranslation("sales.no-channel"));
        Long current = existing != null ? existing.channelId() : channelId;
        boolean fromChat = existing != null ? existing.conversationId() != null : conversationId != null;
        ClientSummary owner = client != null
                ? client
                : forms.clientOrNull(Objects.requireNonNull(existing).clientId());
        List<ChannelInfo> choices = owner == null ? List.of() : forms.channelsOf(owner.channelIds());
        ChannelInfo selected = current == null
                ? null
                : choices.stream()
                        .filter(c -> c.id() == current)
                        .findFirst()
                        .orElseGet(() -> forms.channels.find(current).orElse(null));
        if (selected != null && !choices.contains(selected)) {
            choices = java.util.stream.Stream.concat(choices.stream(), java.util.stream.Stream.of(selected))
                    .toList();
        }
        channel.setItems(choices);
        channel.setValue(selected);
        channel.setReadOnly(fromChat || owner == null);
        return choices;
    }

    private void save() {
        RequestDraft draft;
        try {
            draft = binder.writeRecord();
        } catch (ValidationException e) {
            return;
        }
        try {
            SalesRequest saved = existing == null
                    ? requests.create(Objects.requireNonNull(client).id(), conversationId, draft)
                    : requests.update(existing.id(), draft, existing.version());
            Notifications.success(
                    existing == null ? "request.created" : "request.saved", SalesFormat.number(saved.number()));
            close();
            onSaved.run();
        } catch (UserFacingException e) {
            Forms.show(
                    e,
                    Map.of(
                            "request.error.title",
                            title,
                            "request.error.amount",
                            amount,
                            "sales.error.money-format",
                            amount,
                            "sales.error.responsible",
                            responsible,
                            "sales.error.comment",
                            comment,
                            "request.error.stage",
                            stage));
        } catch (NotFoundException e) {
            Notifications.errorKey("sales.error.gone");
            close();
            onSaved.run();
        }
    }
}
