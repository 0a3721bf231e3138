package com.omnichat.base.ui;

import com.vaadin.flow.component.UI;
import java.time.ZoneId;

/** The time zone of the user's browser, for showing times as the user's clock reads them. */
public final class BrowserTimeZone {

    private BrowserTimeZone() {}

    /** The browser's zone, or the server's while the browser has not told it (or named an unknown one). */
    public static ZoneId of(UI ui) {
        try {
            var details = ui.getPage().getExtendedClientDetails();
            if (details != null && details.getTimeZoneId() != null) {
                return ZoneId.of(details.getTimeZoneId());
            }
        } catch (RuntimeException e) {
            // Details not known yet (or an unknown zone id): the server's zone is a fair guess.
        }
        return ZoneId.systemDefault();
    }
}
