package com.omnichat.chat.ui;

import com.omnichat.base.ui.EmptyState;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;

import jakarta.annotation.security.PermitAll;

@Route("chats")
@RouteAlias("")
@Menu(order = 10, title = "nav.chats", icon = "vaadin:chat")
@PermitAll
class ChatsView extends VerticalLayout implements HasDynamicTitle {

    ChatsView() {
        setSizeFull();
        add(new EmptyState(VaadinIcon.CHAT, getTranslation("chats.empty.title"), getTranslation("chats.empty.text")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.chats");
    }
}
