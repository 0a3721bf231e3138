package com.omnichat.base.ui;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.RequiresPermission;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Keeps views marked {@link RequiresPermission} from users without that permission: they get
 * the not-found page, as for an unknown address (reveals nothing).
 */
@Component
class PermissionGuard implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> e.getUI().addBeforeEnterListener(PermissionGuard::check));
    }

    private static void check(BeforeEnterEvent event) {
        if (!allowed(event.getNavigationTarget())) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    /** Whether the signed-in user may open the view (and see its menu entry). */
    static boolean allowed(Class<?> view) {
        RequiresPermission required = view == null ? null : view.getAnnotation(RequiresPermission.class);
        if (required == null) {
            return true;
        }
        return CurrentStaff.get().map(u -> u.can(required.value())).orElse(false);
    }
}
