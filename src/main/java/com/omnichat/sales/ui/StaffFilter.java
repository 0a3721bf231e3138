package com.omnichat.sales.ui;

import com.omnichat.user.StaffMember;
import com.vaadin.flow.component.combobox.ComboBox;
import java.util.List;

/** "Manager" filter of the sales sections: anyone (empty) or one staff member. */
class StaffFilter extends ComboBox<StaffMember> {

    StaffFilter(List<StaffMember> staff) {
        setPlaceholder(getTranslation("sales.filter.any-manager"));
        setAriaLabel(getTranslation("sales.responsible"));
        setItems(staff);
        setItemLabelGenerator(StaffMember::fullName);
        setClearButtonVisible(true);
        addClassName("sales-filter");
    }

    Long selectedId() {
        return getValue() == null ? null : getValue().id();
    }
}
