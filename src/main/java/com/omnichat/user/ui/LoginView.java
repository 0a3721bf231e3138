package com.omnichat.user.ui;

import com.omnichat.user.LoginThrottledException;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.web.WebAttributes;

@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm login = new LoginForm();

    LoginView() {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        var logo = new Image("icons/icon.png", "");
        logo.addClassName("login-logo");
        var title = new H1(getTranslation("app.name"));
        var tagline = new Paragraph(getTranslation("login.tagline"));
        tagline.addClassName("login-tagline");

        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        add(logo, title, tagline, login);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean failed =
                event.getLocation().getQueryParameters().getParameters().containsKey("error");
        login.setI18n(i18n(failed ? lastFailure() : null));
        login.setError(failed);
    }

    private LoginI18n i18n(Exception failure) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(errorMessage(failure));
        return i18n;
    }

    private String errorMessage(Exception failure) {
        if (failure instanceof LoginThrottledException throttled) {
            // A login's growing delay is seconds; an address's block can be minutes.
            return throttled.secondsToWait() < 120
                    ? getTranslation("login.error.throttled-seconds", throttled.secondsToWait())
                    : getTranslation("login.error.throttled", throttled.minutesToWait());
        }
        if (failure instanceof DisabledException) {
            return getTranslation("login.error.disabled");
        }
        return getTranslation("login.error.credentials");
    }

    /** Spring Security keeps the last failure in the HTTP session; it tells why sign-in failed. */
    private static Exception lastFailure() {
        var session = VaadinSession.getCurrent();
        if (session == null || session.getSession() == null) {
            return null;
        }
        Object failure = session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        return failure instanceof Exception e ? e : null;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + getTranslation("app.name");
    }
}
