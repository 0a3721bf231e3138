package com.omnichat;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
// Each module's settings: the *Properties records next to the code that uses them.
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "base")
// XHR for client-to-server messages keeps them inside the security filter chain.
@Push(transport = Transport.WEBSOCKET_XHR)
@PWA(
        name = "Omnichat",
        shortName = "Omnichat",
        description = "The chat inbox of your shop",
        offlinePath = "offline.html",
        offlineResources = {"icons/icon.png"})
@ColorScheme(ColorScheme.Value.LIGHT_DARK)
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
public class OmnichatApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(OmnichatApplication.class, args);
    }
}
