package com.omnichat.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** The title row of a view, with actions on the right. */
public class ViewHeader extends HorizontalLayout {

    public ViewHeader(String title, Component... actions) {
        addClassName("view-header");
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        var heading = new H2(title);
        add(heading);
        setFlexGrow(1, heading);
        add(actions);
    }
}
