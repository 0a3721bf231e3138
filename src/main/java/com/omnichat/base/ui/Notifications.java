package com.omnichat.base.ui;

import com.omnichat.base.UserFacingException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Short confirmations and errors, always translated. */
public final class Notifications {

    private Notifications() {}

    public static void success(String translationKey, Object... args) {
        show(translate(translationKey, args), NotificationVariant.SUCCESS);
    }

    public static void error(UserFacingException e) {
        show(translate(e.messageKey(), e.args()), NotificationVariant.ERROR);
    }

    public static void errorKey(String translationKey, Object... args) {
        show(translate(translationKey, args), NotificationVariant.ERROR);
    }

    private static void show(String text, NotificationVariant variant) {
        var notification = Notification.show(
                text, variant == NotificationVariant.ERROR ? 6000 : 3000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(variant);
    }

    private static String translate(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }
}
