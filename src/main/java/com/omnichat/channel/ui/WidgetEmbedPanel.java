package com.omnichat.channel.ui;

import com.omnichat.channel.webchat.WidgetEmbed;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.clipboard.Clipboard;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.server.VaadinService;

/** A site chat channel: the script tag to put on the shop's pages, with a copy button. */
class WidgetEmbedPanel extends VerticalLayout {

    final TextArea snippet = new TextArea();

    WidgetEmbedPanel(long channelId) {
        setPadding(false);
        setSpacing(false);
        addClassName("widget-embed");
        WidgetEmbed embed = VaadinService.getCurrent().getInstantiator().getOrCreate(WidgetEmbed.class);
        String tag = embed.snippet(channelId).orElse("");
        snippet.setLabel(getTranslation("channels.webchat.embed"));
        snippet.setHelperText(getTranslation("channels.webchat.embed.helper"));
        snippet.setReadOnly(true);
        snippet.setWidthFull();
        snippet.setValue(tag);
        var copy = new Button(getTranslation("channels.webchat.embed.copy"), VaadinIcon.COPY_O.create());
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Clipboard.onClick(copy).writeText(tag);
        add(snippet, copy);
    }
}
