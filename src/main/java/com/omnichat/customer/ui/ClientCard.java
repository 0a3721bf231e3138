package com.omnichat.customer.ui;

import com.omnichat.base.Initials;
import com.omnichat.base.NotFoundException;
import com.omnichat.base.UserFacingException;
import com.omnichat.base.ui.Notifications;
import com.omnichat.customer.BuyerMatch;
import com.omnichat.customer.ClientCardService;
import com.omnichat.customer.ClientIdentity;
import com.omnichat.customer.ClientService;
import com.omnichat.customer.ClientSummary;
import com.omnichat.customer.LinkReason;
import com.omnichat.customer.Phones;
import com.omnichat.customer.SaveBuyerResult;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextAreaVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The lead/buyer card. A lead: click the name to rename, phone, e-mail, note, "Save buyer"
 * and (while his phone or e-mail is empty) "Choose buyer from the list". A buyer: his data,
 * still editable, and his channel identities. Then the sections other features contribute.
 * A phone or e-mail the client left himself carries an "unverified" mark until confirmed.
 * <p>
 * Each field saves when it is left (or on Enter) with the version the card shows, so a
 * colleague's change in between is refused with a message instead of being overwritten.
 * A live change from elsewhere ({@link #reload()}) waits while the manager is in a field.
 */
@StyleSheet("context://styles/client-card.css")
public class ClientCard extends Div {

    private final ClientService clients;
    private final ClientCardService cards;
    private final List<ClientCardSection> sectionBeans;
    private final @Nullable Long conversationId;
    private final @Nullable Long channelId;
    private final List<Consumer<ClientSummary>> listeners = new ArrayList<>();
    private ClientSummary client;
    private boolean gone;
    private boolean editing;
    private boolean stale;

    final Span name = new Span();
    final TextField nameEditor = new TextField();
    final TextField phone = new TextField();
    final TextField email = new TextField();
    final TextArea note = new TextArea();
    final Button saveBuyer = new Button();
    final Button chooseBuyer = new Button();
    final UnverifiedMark phoneMark = new UnverifiedMark("client.unverified.phone");
    final UnverifiedMark emailMark = new UnverifiedMark("client.unverified.email");
    final Div sections = new Div();
    private Div header = new Div();

    ClientCard(
            ClientService clients,
            ClientCardService cards,
            List<ClientCardSection> sectionBeans,
            ClientSummary client,
            @Nullable Long conversationId,
            @Nullable Long channelId) {
        this.clients = clients;
        this.cards = cards;
        this.sectionBeans = sectionBeans;
        this.client = client;
        this.conversationId = conversationId;
        this.channelId = channelId;
        addClassName("client-card");
        configureName();
        configureContacts();
        saveBuyer.setText(getTranslation("client.save-buyer"));
        saveBuyer.setIcon(VaadinIcon.USER_CHECK.create());
        saveBuyer.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        saveBuyer.addClickListener(e -> saveAsBuyer());
        chooseBuyer.setText(getTranslation("client.choose-buyer"));
        chooseBuyer.setIcon(VaadinIcon.SEARCH.create());
        chooseBuyer.addThemeVariants(ButtonVariant.LUMO_SMALL);
        chooseBuyer.addClickListener(e -> new ChooseBuyerDialog(cards, this.client, this::linkTo).open());
        sections.addClassName("client-card-sections");
        render();
    }

    /** The client shown (after linking: the buyer). */
    public long clientId() {
        return client.id();
    }

    public ClientSummary client() {
        return client;
    }

    /** Runs after every change made on this card (e.g. so the chat shows its system message at once). */
    public void addChangeListener(Consumer<ClientSummary> listener) {
        listeners.add(listener);
    }

    /**
     * Someone changed the client (or his requests, orders...): show it. While the manager
     * is in a field, the card waits until he leaves it, so his typing is never replaced.
     */
    public void reload() {
        if (editing) {
            stale = true;
            return;
        }
        reloadNow();
    }

    // ---- layout ----

    private void render() {
        removeAll();
        if (gone) {
            var text = new Span(getTranslation("client.error.gone"));
            text.addClassName("client-card-gone");
            add(text);
            return;
        }
        add(header(), contacts());
        if (client.buyer()) {
            add(identities());
        } else {
            var actions = new Div(saveBuyer);
            if (ClientCardService.mayChooseBuyer(client)) {
                actions.add(chooseBuyer);
            }
            actions.addClassName("client-card-actions");
            add(actions);
        }
        add(sections);
        renderSections();
    }

    private Div header() {
        var avatar = new Avatar(client.name());
        avatar.setAbbreviation(Initials.of(client.name(), "?"));
        avatar.addClassName("client-avatar");
        if (client.photoUrl() != null) {
            avatar.setImage(client.photoUrl());
        }
        header = new Div(avatar, nameEditor.isVisible() ? nameEditor : name);
        header.addClassName("client-card-header");
        if (client.nickname() != null) {
            var nickname = new Span("@" + client.nickname());
            nickname.addClassName("client-nickname");
            header.add(nickname);
        }
        var status = new Span(getTranslation(client.buyer() ? "client.buyer" : "client.lead"));
        status.getElement().getThemeList().add(client.buyer() ? "badge success" : "badge");
        status.addClassName("client-status");
        header.add(status);
        showValues();
        return header;
    }

    private Div contacts() {
        var contacts = new Div(phone, email, note);
        contacts.addClassName("client-card-contacts");
        return contacts;
    }

    private Div identities() {
        var list = new Div(new H4(getTranslation("client.channels")));
        list.addClassName("client-identities");
        for (ClientIdentity identity : clients.identities(client.id())) {
            var icon = new Icon(identity.channel().type().icon());
            icon.addClassName("client-identity-icon");
            var channel = new Span(identity.channel().name());
            channel.addClassName("client-identity-channel");
            String who = identity.nickname() != null
                    ? "@" + identity.nickname()
                    : Objects.requireNonNullElse(identity.displayName(), "");
            var whoSpan = new Span(who);
            whoSpan.addClassName("client-identity-who");
            var row = new Div(icon, new Div(channel, whoSpan));
            row.addClassName("client-identity");
            list.add(row);
        }
        return list;
    }

    private void renderSections() {
        sections.removeAll();
        var context = new ClientCardContext(client, conversationId, channelId, () -> {
            reloadNow();
            changed();
        });
        for (ClientCardSection section : sectionBeans) {
            if (section.appliesTo(context)) {
                sections.add(section.create(context));
            }
        }
    }

    /** Puts the client's values into the name and the fields (no change events). */
    private void showValues() {
        name.setText(client.name());
        phone.setValue(Phones.display(client.phone()));
        email.setValue(Objects.requireNonNullElse(client.email(), ""));
        note.setValue(Objects.requireNonNullElse(client.note(), ""));
        phoneMark.setVisible(client.phoneUnverified());
        emailMark.setVisible(client.emailUnverified());
    }

    // ---- the name: click to rename ----

    private void configureName() {
        name.addClassName("client-name");
        name.getElement().setAttribute("role", "button");
        name.getElement().setAttribute("tabindex", "0");
        name.getElement().setAttribute("title", getTranslation("client.rename"));
        name.getElement().addEventListener("click", e -> startRename());
        name.getElement().addEventListener("keydown", e -> startRename()).setFilter("event.key === 'Enter'");
        nameEditor.addClassName("client-name-editor");
        nameEditor.setAriaLabel(getTranslation("client.name"));
        nameEditor.addThemeVariants(TextFieldVariant.LUMO_SMALL);
        nameEditor.setVisible(false);
        nameEditor.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                if (act(nameEditor, () -> cards.rename(client.id(), client.version(), e.getValue(), conversationId))) {
                    stopRename();
                }
            }
        });
        nameEditor.addKeyDownListener(Key.ESCAPE, e -> stopRename());
        nameEditor.addFocusListener(e -> editing = true);
        nameEditor.addBlurListener(e -> {
            if (!nameEditor.isInvalid()) {
                stopRename();
            }
            leftField();
        });
    }

    void startRename() {
        nameEditor.setValue(client.name());
        nameEditor.setInvalid(false);
        nameEditor.setVisible(true);
        header.replace(name, nameEditor);
        nameEditor.focus();
    }

    private void stopRename() {
        if (!nameEditor.isVisible()) {
            return;
        }
        nameEditor.setVisible(false);
        header.replace(nameEditor, name);
    }

    // ---- phone, e-mail, note ----

    private void configureContacts() {
        phone.setLabel(getTranslation("client.phone"));
        phone.setPlaceholder(getTranslation("client.phone.placeholder"));
        phone.setPrefixComponent(VaadinIcon.PHONE.create());
        phone.setClearButtonVisible(true);
        phone.addClassName("client-phone");
        email.setLabel(getTranslation("client.email"));
        email.setPlaceholder(getTranslation("client.email.placeholder"));
        email.setPrefixComponent(VaadinIcon.ENVELOPE_O.create());
        email.setClearButtonVisible(true);
        email.addClassName("client-email");
        // A contact the client left himself is marked; the manager confirms it once checked.
        phone.setSuffixComponent(phoneMark);
        email.setSuffixComponent(emailMark);
        phoneMark.addClickListener(
                e -> act(phone, () -> cards.confirmPhone(client.id(), client.version(), conversationId)));
        emailMark.addClickListener(
                e -> act(email, () -> cards.confirmEmail(client.id(), client.version(), conversationId)));
        for (TextField field : List.of(phone, email)) {
            field.addThemeVariants(TextFieldVariant.LUMO_SMALL);
            field.setWidthFull();
        }
        note.setLabel(getTranslation("client.note"));
        note.setPlaceholder(getTranslation("client.note.placeholder"));
        note.addThemeVariants(TextAreaVariant.LUMO_SMALL);
        note.setWidthFull();
        note.setMaxLength(4000);
        note.addClassName("client-note");

        phone.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                act(phone, () -> cards.changePhone(client.id(), client.version(), e.getValue(), conversationId));
            }
        });
        email.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                act(email, () -> cards.changeEmail(client.id(), client.version(), e.getValue(), conversationId));
            }
        });
        note.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                act(note, () -> cards.changeNote(client.id(), client.version(), e.getValue(), conversationId));
            }
        });
        phone.addFocusListener(e -> editing = true);
        email.addFocusListener(e -> editing = true);
        note.addFocusListener(e -> editing = true);
        phone.addBlurListener(e -> leftField());
        email.addBlurListener(e -> leftField());
        note.addBlurListener(e -> leftField());
    }

    private void leftField() {
        editing = false;
        if (stale) {
            stale = false;
            reloadNow();
        }
    }

    // ---- buyer ----

    /**
     * "Save buyer": a new buyer, or, when a buyer the manager may see has the same phone or
     * e-mail, the dialog asking whether to link the lead to him (nothing is linked unasked).
     */
    private void saveAsBuyer() {
        try {
            SaveBuyerResult result = cards.saveAsBuyer(client.id(), client.version(), conversationId);
            BuyerMatch offer = result.offer();
            show(result.buyer());
            if (offer != null) {
                new SaveBuyerDialog(client, offer, this::linkToOffered, this::saveAsNewBuyer).open();
                return;
            }
            Notifications.success("client.saved-as-buyer", result.buyer().name());
            changed();
        } catch (UserFacingException e) {
            failed(e, null);
        } catch (NotFoundException e) {
            goneOrMoved();
        }
    }

    private void linkToOffered(BuyerMatch offer) {
        if (act(
                null,
                () -> cards.linkToOfferedBuyer(client.id(), client.version(), offer.buyerId(), conversationId)
                        .buyer())) {
            Notifications.success(
                    offer.reason() == LinkReason.SAME_EMAIL ? "client.linked.same-email" : "client.linked.same-phone",
                    client.name());
        }
    }

    private void saveAsNewBuyer() {
        if (act(
                null,
                () -> cards.saveAsNewBuyer(client.id(), client.version(), conversationId)
                        .buyer())) {
            Notifications.success("client.saved-as-buyer", client.name());
        }
    }

    private void linkTo(ClientSummary buyer) {
        if (act(null, () -> cards.linkToBuyer(client.id(), client.version(), buyer.id(), conversationId))) {
            Notifications.success("client.linked", client.name());
        }
    }

    // ---- acting and refreshing ----

    /** Runs a card change; a field's own error is shown on the field. True when it went through. */
    private boolean act(@Nullable HasValidationProperties field, Supplier<ClientSummary> action) {
        try {
            ClientSummary updated = action.get();
            if (field != null) {
                field.setInvalid(false);
            }
            show(updated);
            changed();
            return true;
        } catch (UserFacingException e) {
            failed(e, field);
        } catch (NotFoundException e) {
            goneOrMoved();
        }
        return false;
    }

    private void failed(UserFacingException e, @Nullable HasValidationProperties field) {
        if ("client.error.changed".equals(e.messageKey()) || field == null) {
            Notifications.error(e);
            if ("client.error.changed".equals(e.messageKey())) {
                reloadNow();
            }
            return;
        }
        field.setErrorMessage(getTranslation(e.messageKey(), e.args()));
        field.setInvalid(true);
    }

    /** The client was linked to a buyer meanwhile (the card follows) or is no longer visible. */
    private void goneOrMoved() {
        Notifications.errorKey("client.error.moved");
        reloadNow();
        changed();
    }

    private void show(ClientSummary updated) {
        boolean structural = updated.id() != client.id()
                || updated.buyer() != client.buyer()
                || !updated.name().equals(client.name())
                || ClientCardService.mayChooseBuyer(updated) != ClientCardService.mayChooseBuyer(client);
        client = updated;
        if (structural) {
            render();
        } else {
            showValues();
        }
    }

    private void reloadNow() {
        stale = false;
        try {
            client = clients.current(client.id());
            gone = false;
        } catch (NotFoundException e) {
            gone = true;
        }
        render();
    }

    private void changed() {
        listeners.forEach(l -> l.accept(client));
    }
}
