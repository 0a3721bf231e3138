package com.omnichat.chat.ui;

import com.omnichat.chat.ChatNotifications;
import com.omnichat.chat.NotificationScope;
import com.omnichat.chat.NotificationSettings;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;

/**
 * The user's new-message notification settings (user menu → Notifications…). Every change
 * is saved at once and applies to his open tabs from the next message on. Turning desktop
 * notifications on asks the browser for permission in the same click, as browsers require.
 */
class NotificationSettingsDialog extends Dialog {

    static final String PERMISSION_EVENT = "omnichat-permission";

    /** Asks for permission inside the user's own click (on the checkbox or the Allow button): {@code js/omnichat.js}. */
    private static final String ASK_ON_CLICK = "window.omnichat && window.omnichat.askPermissionOn(this, $0, $1)";

    private static final String PERMISSION_STATE =
            "return !window.isSecureContext || !('Notification' in window) ? 'unsupported' : Notification.permission";

    /** Plays what a new message would, right now (the tab is visible while the dialog is open). */
    private static final String TRY_IT = "window.omnichat && window.omnichat.alerts.tryIt($0, $1, $2, $3)";

    private final ChatNotifications notifications;
    private NotificationSettings settings;
    private String permissionState = "granted";

    final Checkbox sound;
    final Checkbox desktop;
    final Span permission = new Span();
    private final Div permissionRow;
    final Button allow;
    final RadioButtonGroup<NotificationScope> scope = new RadioButtonGroup<>();
    final Button tryIt;

    NotificationSettingsDialog(ChatNotifications notifications) {
        this.notifications = notifications;
        this.settings = notifications.settings();
        addClassName("notification-settings");
        setHeaderTitle(getTranslation("notify.title"));

        var intro = new Paragraph(getTranslation("notify.intro"));
        intro.addClassName("notification-intro");

        sound = new Checkbox(getTranslation("notify.sound"), settings.sound());
        sound.addValueChangeListener(e -> save(settings.withSound(e.getValue())));

        desktop = new Checkbox(getTranslation("notify.desktop"), settings.desktop());
        desktop.setHelperText(getTranslation("notify.desktop.helper"));
        desktop.addValueChangeListener(e -> {
            save(settings.withDesktop(e.getValue()));
            checkPermission();
        });
        desktop.getElement().executeJs(ASK_ON_CLICK, "change", true);
        desktop.getElement()
                .addEventListener(
                        PERMISSION_EVENT,
                        e -> permissionChanged(
                                e.getEventData().get("event.detail").asString()))
                .addEventData("event.detail");

        allow = new Button(getTranslation("notify.allow"), VaadinIcon.BELL_O.create());
        allow.addThemeVariants(ButtonVariant.LUMO_SMALL);
        allow.getElement().executeJs(ASK_ON_CLICK, "click", false);
        allow.getElement()
                .addEventListener(
                        PERMISSION_EVENT,
                        e -> permissionChanged(
                                e.getEventData().get("event.detail").asString()))
                .addEventData("event.detail");
        permission.addClassName("notification-permission");
        permissionRow = new Div(permission, allow);
        permissionRow.addClassName("notification-permission-row");

        scope.setLabel(getTranslation("notify.scope"));
        scope.setItems(NotificationScope.values());
        scope.setItemLabelGenerator(s -> getTranslation("notify.scope." + s.name()));
        scope.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        scope.setValue(settings.scope());
        scope.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                save(settings.withScope(e.getValue()));
            }
        });

        var content = new Div(intro, sound, desktop, permissionRow, scope);
        content.addClassName("notification-settings-content");
        add(content);

        tryIt = new Button(getTranslation("notify.try"), VaadinIcon.PLAY.create(), e -> tryIt());
        tryIt.addClassName("notification-try");
        var close = new Button(getTranslation("action.close"), e -> close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(tryIt, close);
        showPermission();
        checkPermission();
    }

    NotificationSettings settings() {
        return settings;
    }

    private void save(NotificationSettings changed) {
        settings = notifications.save(changed);
    }

    private void checkPermission() {
        getElement().executeJs(PERMISSION_STATE).then(String.class, this::permissionChanged);
    }

    /** The browser's answer: "granted", "denied", "default" (not asked or dismissed) or "unsupported". */
    void permissionChanged(String state) {
        permissionState = state;
        showPermission();
    }

    private void showPermission() {
        boolean explain = settings.desktop() && !"granted".equals(permissionState);
        permission.setText(
                explain
                        ? getTranslation("notify.permission."
                                + switch (permissionState) {
                                    case "denied" -> "denied";
                                    case "unsupported" -> "unsupported";
                                    default -> "default";
                                })
                        : "");
        permissionRow.setVisible(explain);
        allow.setVisible(explain && "default".equals(permissionState));
    }

    private void tryIt() {
        getElement()
                .executeJs(
                        TRY_IT,
                        settings.sound(),
                        settings.desktop(),
                        getTranslation("notify.try.title"),
                        getTranslation("notify.try.body"));
    }
}
