package com.omnichat.chat.ui;

import com.omnichat.chat.ConversationSummary;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;

/** The right column: the client's name and channel, until the lead/buyer card fills it. */
class ClientPanel extends Div {

    ClientPanel() {
        addClassName("client-panel");
    }

    void show(ConversationSummary chat) {
        removeAll();
        var avatar = new Avatar(chat.clientName());
        avatar.addClassName("client-avatar");
        if (chat.clientPhotoUrl() != null) {
            avatar.setImage(chat.clientPhotoUrl());
        }
        var name = new H3(chat.clientName());
        add(avatar, name);
        if (chat.clientNickname() != null) {
            add(new Span("@" + chat.clientNickname()));
        }
        var channel = new Div(new Icon(chat.channel().type().icon()), new Span(chat.channel().name()));
        channel.addClassName("client-channel");
        var lead = new Span(getTranslation("client.lead"));
        lead.getElement().getThemeList().add("badge");
        add(channel, lead, new Paragraph(getTranslation("client.card.soon")));
    }

    void clear() {
        removeAll();
    }
}
