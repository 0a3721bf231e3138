package com.omnichat.base.ui;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.Initials;
import com.omnichat.base.LanguageChanged;
import com.omnichat.base.MenuAlert;
import com.omnichat.base.MenuVisibility;
import com.omnichat.base.StaffPrincipal;
import com.omnichat.base.TranslationProvider;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The application shell: drawer with the navigation, top bar with the user menu.
 * Menu entries come from {@code @Menu} on the views (filtered by access); an entry's
 * title is a translation key, and paths under {@code admin/} group under Administration.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    static final String ADMIN_PREFIX = "admin/";

    private final AuthenticationContext authentication;
    private final ApplicationEventPublisher events;
    private final Span viewTitle = new Span();

    private final List<MenuVisibility> visibility;
    private final List<UserMenuEntry> userMenuEntries;
    private final List<MenuAlert> alerts;
    private final Map<MenuAlert, Span> markers = new HashMap<>();
    private final List<Runnable> unsubscribe = new ArrayList<>();

    MainLayout(
            AuthenticationContext authentication,
            ApplicationEventPublisher events,
            List<MenuVisibility> visibility,
            List<UserMenuEntry> userMenuEntries,
            List<MenuAlert> alerts) {
        this.authentication = authentication;
        this.events = events;
        this.visibility = visibility;
        this.userMenuEntries = userMenuEntries;
        this.alerts = alerts;
        setPrimarySection(Section.DRAWER);
        addToDrawer(brand(), new Scroller(navigation()));
        addToNavbar(new DrawerToggle(), title(), userMenu());
    }

    private Component brand() {
        var logo = new Image("icons/icon.png", "");
        logo.addClassName("brand-logo");
        var name = new Span(getTranslation("app.name"));
        name.addClassName("brand-name");
        var brand = new Div(logo, name);
        brand.addClassName("brand");
        return brand;
    }

    private Component title() {
        viewTitle.addClassName("view-title");
        return viewTitle;
    }

    private SideNav navigation() {
        var nav = new SideNav();
        nav.addClassName("main-nav");
        List<MenuEntry> entries = MenuConfiguration.getMenuEntries().stream()
                .filter(e -> PermissionGuard.allowed(e.menuClass()))
                .filter(e -> visibility.stream().allMatch(v -> v.isVisible(e.path())))
                .toList();
        entries.stream().filter(e -> !isAdministration(e)).forEach(e -> nav.addItem(item(e)));
        List<MenuEntry> admin =
                entries.stream().filter(MainLayout::isAdministration).toList();
        if (!admin.isEmpty()) {
            var group = new SideNavItem(getTranslation("nav.administration"));
            group.setPrefixComponent(VaadinIcon.COG.create());
            group.setExpanded(true);
            admin.forEach(e -> group.addItem(item(e)));
            nav.addItem(group);
        }
        return nav;
    }

    // Menu entry paths are absolute ("/admin/users").
    private static boolean isAdministration(MenuEntry entry) {
        return entry.path().replaceFirst("^/", "").startsWith(ADMIN_PREFIX);
    }

    private SideNavItem item(MenuEntry entry) {
        var item = new SideNavItem(getTranslation(entry.title()), entry.path());
        item.setMatchNested(true);
        if (entry.icon() != null) {
            item.setPrefixComponent(new Icon(entry.icon()));
        }
        String path = entry.path().replaceFirst("^/", "");
        alerts.stream().filter(a -> a.path().equals(path)).findFirst().ifPresent(alert -> {
            var marker = new Span();
            marker.addClassName("nav-alert");
            marker.getElement().setAttribute("role", "img");
            marker.getElement().setAttribute("aria-label", getTranslation(alert.labelKey()));
            marker.getElement().setAttribute("title", getTranslation(alert.labelKey()));
            marker.setVisible(alert.active());
            item.setSuffixComponent(marker);
            markers.put(alert, marker);
        });
        return item;
    }

    /** A marker follows its alert live; a notice is shown to the user once, where he is. */
    private void alertChanged(MenuAlert alert, MenuAlert.@Nullable Notice notice) {
        Span marker = markers.get(alert);
        if (marker != null) {
            marker.setVisible(alert.active());
        }
        if (notice != null) {
            var shown = Notification.show(
                    getTranslation(notice.key(), notice.args().toArray()), 10_000, Notification.Position.TOP_END);
            shown.addThemeVariants(NotificationVariant.LUMO_WARNING);
            shown.addClassName("menu-alert-notice");
        }
    }

    private Component userMenu() {
        var menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        menu.addClassName("user-menu");
        StaffPrincipal user = CurrentStaff.require();
        var avatar = new Avatar(user.fullName());
        avatar.setAbbreviation(Initials.of(user.fullName(), "?"));
        avatar.addClassName("user-avatar");
        var trigger = new Div(avatar, new Span(user.fullName()));
        trigger.addClassName("user-menu-trigger");
        MenuItem root = menu.addItem(trigger);
        SubMenu sub = root.getSubMenu();
        SubMenu languages = sub.addItem(getTranslation("menu.language")).getSubMenu();
        Locale current = TranslationProvider.supported(UI.getCurrent().getLocale());
        for (Locale language : TranslationProvider.LANGUAGES) {
            MenuItem item = languages.addItem(
                    getTranslation("language." + language.getLanguage()), e -> changeLanguage(user, language));
            item.setCheckable(true);
            item.setChecked(language.equals(current));
        }
        userMenuEntries.stream()
                .filter(UserMenuEntry::isAvailable)
                .forEach(entry -> sub.addItem(getTranslation(entry.labelKey()), e -> entry.select()));
        sub.addItem(getTranslation("menu.logout"), e -> authentication.logout());
        return menu;
    }

    private void changeLanguage(StaffPrincipal user, Locale language) {
        events.publishEvent(new LanguageChanged(user.id(), language));
        UI.getCurrent().getSession().setLocale(language);
        // Every visible text is built in a constructor: reload to rebuild them all.
        UI.getCurrent().getPage().reload();
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        ComponentAriaFixes.install(event.getUI());
        UI ui = event.getUI();
        for (MenuAlert alert : alerts) {
            // The listener runs on the broadcaster's thread; the user's security context is gone there.
            var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
            unsubscribe.add(alert.subscribe(notice -> ui.access(() -> {
                var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
                org.springframework.security.core.context.SecurityContextHolder.setContext(context);
                try {
                    alertChanged(alert, notice);
                } finally {
                    org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
                }
            })));
        }
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
        unsubscribe.forEach(Runnable::run);
        unsubscribe.clear();
        super.onDetach(event);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        // The UI's title is only updated after this observer runs: ask the view itself.
        viewTitle.setText(MenuConfiguration.getPageHeader(getContent()).orElse(""));
    }
}
