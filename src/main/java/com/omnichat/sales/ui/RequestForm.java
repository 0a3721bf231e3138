package com.omnichat.sales.ui;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.NotFoundException;
import com.omnichat.base.UserFacingException;
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

/**
 * The request form: new (for a client, from a chat or his card) or existing. Errors from the
 * service keep it open with the reason; a concurrent change is reported, never overwritten.
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

    RequestForm(SalesForms forms, @Nullable SalesRequest existing, @Nullable ClientSummary client,
                @Nullable Long conversationId, @Nullable Long channelId, Runnable onSaved) {
        this.requests = forms.requests;
        this.existing = existing;
        this.client = client;
        this.conversationId = conversationId;
        this.onSaved = onSaved;
        addClassName("sales-form");
        setWidth("min(40rem, 95vw)");
        setHeaderTitle(existing == null ? getTranslation("request.new")
                : getTranslation("request.edit", SalesFormat.number(existing.number())));

        clientName.setValue(existing != null ? existing.clientName() : Objects.requireNonNull(client).name());
        clientName.setReadOnly(true);
        title.setRequired(true);
        title.setMaxLength(RequestService.MAX_TITLE);
        title.setWidthFull();
        stage.setLabel(getTranslation("request.stage"));
        List<RequestStage> stages = requests.stages();
        stage.setItems(stages);
        stage.setItemLabelGenerator(s -> s == null ? "" : SalesFormat.stageName(s));
        amount.setPrefixComponent(new Icon("vaadin:money"));
        responsible.setItems(forms.responsibleChoices(existing == null ? null : existing.responsibleId()));
        responsible.setItemLabelGenerator(StaffMember::fullName);
        responsible.setClearButtonVisible(true);
        comment.setMaxLength(RequestService.MAX_COMMENT);
        comment.setMinRows(2);
        configureChannel(forms, existing, client, conversationId, channelId);

        if (existing == null) {
            stage.setValue(stages.getFirst());
            long me = CurrentStaff.require().id();
            responsible.getListDataView().getItems().filter(m -> m.id() == me).findFirst().ifPresent(responsible::setValue);
        } else {
            title.setValue(existing.title());
            stage.setValue(stages.stream().filter(s -> s.id() == existing.stage().id()).findFirst()
                    .orElse(existing.stage()));
            amount.setValue(existing.amount());
            responsible.getListDataView().getItems().filter(m -> Objects.equals(m.id(), existing.responsibleId()))
                    .findFirst().ifPresent(responsible::setValue);
            comment.setValue(Objects.requireNonNullElse(existing.comment(), ""));
        }

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
    private void configureChannel(SalesForms forms, @Nullable SalesRequest existing, @Nullable ClientSummary client,
                                  @Nullable Long conversationId, @Nullable Long channelId) {
        channel.setLabel(getTranslation("sales.source-channel"));
        channel.setItemLabelGenerator(c -> c == null ? "" : c.name());
        channel.setEmptySelectionAllowed(true);
        channel.setEmptySelectionCaption(getTranslation("sales.no-channel"));
        Long current = existing != null ? existing.channelId() : channelId;
        boolean fromChat = existing != null ? existing.conversationId() != null : conversationId != null;
        ClientSummary owner = client != null ? client : forms.clientOrNull(Objects.requireNonNull(existing).clientId());
        List<ChannelInfo> choices = owner == null ? List.of() : forms.channelsOf(owner.channelIds());
        ChannelInfo selected = current == null ? null : choices.stream().filter(c -> c.id() == current).findFirst()
                .orElseGet(() -> forms.channels.find(current).orElse(null));
        if (selected != null && !choices.contains(selected)) {
            choices = java.util.stream.Stream.concat(choices.stream(), java.util.stream.Stream.of(selected)).toList();
        }
        channel.setItems(choices);
        channel.setValue(selected);
        channel.setReadOnly(fromChat || owner == null);
    }

    private void save() {
        var draft = new RequestDraft(title.getValue(), stage.getValue() == null ? null : stage.getValue().id(),
                amount.getValue(), responsible.getValue() == null ? null : responsible.getValue().id(),
                comment.getValue(), channel.getValue() == null ? null : channel.getValue().id());
        try {
            SalesRequest saved = existing == null
                    ? requests.create(Objects.requireNonNull(client).id(), conversationId, draft)
                    : requests.update(existing.id(), draft, existing.version());
            Notifications.success(existing == null ? "request.created" : "request.saved",
                    SalesFormat.number(saved.number()));
            close();
            onSaved.run();
        } catch (UserFacingException e) {
            Notifications.error(e);
        } catch (NotFoundException e) {
            Notifications.errorKey("sales.error.gone");
            close();
            onSaved.run();
        }
    }
}
