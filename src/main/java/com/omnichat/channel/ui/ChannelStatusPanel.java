package com.omnichat.channel.ui;

import com.omnichat.base.UserFacingException;
import com.omnichat.base.ui.Notifications;
import com.omnichat.channel.ChannelAdministration;
import com.omnichat.channel.ChannelDetails;
import com.omnichat.channel.ChannelMode;
import com.omnichat.channel.ConnectionCheck;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.jspecify.annotations.Nullable;

/** Check connection, the webhook URL to register (and a button to register it), polling state, last error. */
class ChannelStatusPanel extends VerticalLayout {

    final Button check = new Button();
    final Span checkResult = new Span();
    final TextField webhookUrl = new TextField();
    final Button register = new Button();

    ChannelStatusPanel(ChannelAdministration administration, ChannelDetails channel) {
        setPadding(false);
        addClassName("channel-status");
        check.setText(getTranslation("channels.check"));
        check.setIcon(VaadinIcon.PLUG.create());
        check.setEnabled(channel.mode() != null);
        check.addClickListener(e -> {
            ConnectionCheck result = administration.checkConnection(channel.id());
            checkResult.setText(
                    result.ok()
                            ? getTranslation("channels.check-ok", result.accountName())
                            : getTranslation("channels.check-failed", result.error()));
            checkResult.getElement().getThemeList().clear();
            checkResult.getElement().getThemeList().add("badge " + (result.ok() ? "success" : "error"));
        });
        add(new HorizontalLayout(check, checkResult));

        webhookUrl.setLabel(getTranslation("channels.webhook-url"));
        webhookUrl.setReadOnly(true);
        webhookUrl.setWidthFull();
        register.setText(getTranslation("channels.register"));
        register.addClickListener(e -> {
            try {
                String url = administration.registerWebhook(channel.id());
                Notifications.success("channels.registered", url);
            } catch (UserFacingException ex) {
                Notifications.error(ex);
            }
        });
        if (channel.webhookUrl() != null) {
            webhookUrl.setValue(channel.webhookUrl());
            register.setEnabled(channel.mode() == ChannelMode.WEBHOOK);
            var row = new HorizontalLayout(webhookUrl, register);
            row.setWidthFull();
            row.setAlignItems(Alignment.BASELINE);
            add(row);
        } else if (channel.capabilities().contains(com.omnichat.channel.Capability.WEBHOOK_RECEIVE)) {
            add(ChannelDialog.hint(getTranslation("channels.no-public-url")));
        }
        administration.webhookVerifyToken(channel.id()).ifPresent(token -> {
            var verify = new TextField(getTranslation("channels.meta.verify-token"));
            verify.setValue(token);
            verify.setReadOnly(true);
            verify.setWidthFull();
            verify.setHelperText(getTranslation("channels.meta.verify-token.help"));
            verify.addClassName("verify-token");
            add(verify);
        });
        if (channel.type() == com.omnichat.channel.ChannelType.WEBCHAT) {
            add(new WidgetEmbedPanel(channel.id()));
        }

        ChannelDetails.Runtime runtime = channel.runtime();
        var facts = new FormLayout();
        facts.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2));
        facts.addFormItem(
                new Span(when(runtime.webhookRegisteredAt(), runtime.registeredWebhookUrl())),
                getTranslation("channels.webhook-registered"));
        facts.addFormItem(
                new Span(
                        channel.mode() == ChannelMode.POLLING
                                ? when(runtime.lastPollAt(), null)
                                : getTranslation("channels.not-polling")),
                getTranslation("channels.last-poll"));
        facts.addFormItem(
                new Span(
                        runtime.lastError() == null
                                ? "—"
                                : runtime.lastError() + " (" + when(runtime.lastErrorAt(), null) + ")"),
                getTranslation("channels.last-error"));
        facts.addFormItem(new Span(Long.toString(runtime.queuedMessages())), getTranslation("channels.queued"));
        facts.addFormItem(
                new Span(
                        runtime.throttledUntil() != null
                                        && runtime.throttledUntil().isAfter(Instant.now())
                                ? when(runtime.throttledUntil(), null)
                                : "—"),
                getTranslation("channels.throttled-until"));
        add(facts);
    }

    private String when(@Nullable Instant at, @Nullable String detail) {
        if (at == null) {
            return "—";
        }
        String time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(ZoneId.systemDefault())
                .format(at);
        return detail == null ? time : time + " · " + detail;
    }
}
