package com.omnichat.chat.ui;

import com.omnichat.chat.ConversationState;
import com.omnichat.chat.ConversationSummary;
import com.omnichat.user.StaffMember;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.clipboard.Clipboard;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import java.util.List;
import java.util.Objects;

/**
 * The chat window's top bar: collapse the list, the client, who else is here, the
 * responsible manager, copy link, close/reopen.
 */
class ChatHeader extends Div {

    interface Actions {
        void toggleList();

        void toggleCard();

        void backToList();

        void assign(Long userId);

        void toggleState();
    }

    final Button toggleList = new Button(VaadinIcon.ANGLE_DOUBLE_LEFT.create());
    /** Narrow screens (list and chat take turns): back to the list, also where there is no browser back (installed app). */
    final Button backToList = new Button(VaadinIcon.ARROW_LEFT.create());
    /** Below desktop width the client card is an overlay; this opens and closes it. */
    final Button toggleCard = new Button(VaadinIcon.USER_CARD.create());

    final ComboBox<StaffMember> responsible = new ComboBox<>();
    final Button copyLink = new Button(VaadinIcon.LINK.create());
    final Button closeOrReopen = new Button();
    final PresenceLabel presence = new PresenceLabel();
    /** An e-mail thread's subject (empty and hidden for other chats). */
    final Span subject = new Span();

    private final Actions actions;
    private boolean updating;

    ChatHeader(ConversationSummary chat, List<StaffMember> staff, String link, Actions actions) {
        this.actions = actions;
        addClassName("chat-header");
        toggleList.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        toggleList.addClassName("toggle-list");
        toggleList.setAriaLabel(getTranslation("chat.toggle-list"));
        toggleList.setTooltipText(getTranslation("chat.toggle-list"));
        toggleList.addClickListener(e -> actions.toggleList());
        backToList.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        backToList.addClassName("back-to-list");
        backToList.setAriaLabel(getTranslation("chat.back"));
        backToList.setTooltipText(getTranslation("chat.back"));
        backToList.addClickListener(e -> actions.backToList());
        toggleCard.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        toggleCard.addClassName("toggle-card");
        toggleCard.setAriaLabel(getTranslation("chat.card.show"));
        toggleCard.setTooltipText(getTranslation("chat.card.show"));
        toggleCard.addClickListener(e -> actions.toggleCard());
        cardShown(false);

        responsible.setItems(staff);
        responsible.setItemLabelGenerator(StaffMember::fullName);
        responsible.setPlaceholder(getTranslation("chat.responsible.none"));
        responsible.setClearButtonVisible(true);
        responsible.setAriaLabel(getTranslation("chat.responsible"));
        responsible.setTooltipText(getTranslation("chat.responsible"));
        responsible.addClassName("responsible");
        responsible.addValueChangeListener(e -> {
            if (!updating && e.isFromClient()) {
                actions.assign(e.getValue() == null ? null : e.getValue().id());
            }
        });

        copyLink.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        copyLink.setAriaLabel(getTranslation("chat.copy-link"));
        copyLink.setTooltipText(getTranslation("chat.copy-link"));
        Clipboard.onClick(copyLink).writeText(link);
        copyLink.addClickListener(
                e -> Notification.show(getTranslation("chat.link-copied"), 2000, Notification.Position.BOTTOM_START));
        copyLink.getElement().setAttribute("data-link", link);

        closeOrReopen.addClassName("state-button");
        closeOrReopen.addClickListener(e -> actions.toggleState());
        subject.setVisible(false);
        update(chat);
    }

    void update(ConversationSummary chat) {
        updating = true;
        try {
            removeAll();
            var avatar = new Avatar(chat.clientName());
            avatar.setAbbreviation(chat.clientInitials());
            if (chat.clientPhotoUrl() != null) {
                avatar.setImage(chat.clientPhotoUrl());
            }
            var name = new Span(chat.clientName());
            name.addClassName("client-name");
            var channelIcon = new Icon(chat.channel().type().icon());
            channelIcon.addClassName("channel-icon");
            var channel = new Span(channelIcon, new Span(chat.channel().name()));
            channel.addClassName("channel-name");
            var who = new Div(name, channel, subject, presence);
            who.addClassName("who");
            responsible.setValue(
                    chat.responsible() == null
                            ? null
                            : responsible
                                    .getListDataView()
                                    .getItems()
                                    .filter(m -> Objects.equals(
                                            m.id(), chat.responsible().id()))
                                    .findFirst()
                                    .orElse(null));
            boolean open = chat.state() == ConversationState.OPEN;
            closeOrReopen.setText(getTranslation(open ? "chat.close" : "chat.reopen"));
            closeOrReopen.setTooltipText(getTranslation(open ? "chat.close" : "chat.reopen"));
            // Its text is hidden on narrow screens: the name must not depend on it.
            closeOrReopen.setAriaLabel(getTranslation(open ? "chat.close" : "chat.reopen"));
            closeOrReopen.setIcon(open ? VaadinIcon.CHECK.create() : VaadinIcon.ROTATE_LEFT.create());
            closeOrReopen.getThemeNames().clear();
            closeOrReopen.addThemeVariants(open ? ButtonVariant.LUMO_TERTIARY : ButtonVariant.LUMO_CONTRAST);
            add(backToList, toggleList, avatar, who, responsible, copyLink, toggleCard, closeOrReopen);
        } finally {
            updating = false;
        }
    }

    void listCollapsed(boolean collapsed) {
        toggleList.setIcon(collapsed ? VaadinIcon.ANGLE_DOUBLE_RIGHT.create() : VaadinIcon.ANGLE_DOUBLE_LEFT.create());
    }

    void showSubject(String text) {
        subject.setText(text);
        subject.setTitle(getTranslation("chat.mail.subject", text));
        subject.addClassName("mail-subject");
        subject.setVisible(!text.isBlank());
    }

    void cardShown(boolean shown) {
        toggleCard.getElement().setAttribute("aria-expanded", Boolean.toString(shown));
    }

    /** Focus comes back to the card's toggle when the card overlay closes. */
    void focusCardToggle() {
        toggleCard.focus();
    }

    /** Who else is in the chat. */
    PresenceLabel presence() {
        return presence;
    }
}
