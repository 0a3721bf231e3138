package com.omnichat.sales.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/** The search field of the sales sections: searches as the user pauses typing; clearable. */
class SalesSearch extends TextField {

    SalesSearch(String placeholderKey) {
        setPlaceholder(getTranslation(placeholderKey));
        setAriaLabel(getTranslation(placeholderKey));
        setPrefixComponent(VaadinIcon.SEARCH.create());
        setClearButtonVisible(true);
        setValueChangeMode(ValueChangeMode.LAZY);
        addClassName("sales-search");
    }
}
