package com.omnichat.base.ui;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.StaffPrincipal;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.stereotype.Component;

/**
 * Applies the signed-in user's stored language once per session; until he picks one, the
 * browser's language (matched by Vaadin against the provided locales) stays.
 */
@Component
class LocaleInitializer implements VaadinServiceInitListener {

    private static final String APPLIED = LocaleInitializer.class.getName() + ".user";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource()
                .addUIInitListener(e ->
                        CurrentStaff.get().ifPresent(user -> apply(e.getUI().getSession(), user)));
    }

    private static void apply(VaadinSession session, StaffPrincipal user) {
        if (Long.valueOf(user.id()).equals(session.getAttribute(APPLIED))) {
            return;
        }
        session.setAttribute(APPLIED, user.id());
        if (user.language() != null) {
            session.setLocale(user.language());
        }
    }
}
