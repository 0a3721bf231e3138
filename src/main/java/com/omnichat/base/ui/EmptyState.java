package com.omnichat.base.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** An empty-state panel: an icon, a title and an explanation. */
public class EmptyState extends VerticalLayout {

    public EmptyState(VaadinIcon icon, String title, String explanation) {
        addClassName("empty-state");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        var image = new Icon(icon);
        image.addClassName("empty-state-icon");
        var heading = new com.vaadin.flow.component.html.H3(title);
        add(image, heading, new Paragraph(explanation));
    }
}
