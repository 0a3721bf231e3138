package com.omnichat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The README's run command ({@code ./mvnw spring-boot:run}, profile {@code dev}) shows the
 * product as a shop manager sees it: Vaadin's development tools (the "App is running in
 * development mode" notice, the toolbar) are off, one setting away for developers.
 */
class DevProfileTest {

    private static final String DEV_TOOLS = "vaadin.devmode.devTools.enabled";

    @Test
    void developmentToolsAreOffUnlessADeveloperTurnsThemOn() throws IOException {
        assertThat(devProfile(Map.of()).getProperty(DEV_TOOLS)).isEqualTo("false");
        assertThat(devProfile(Map.of("VAADIN_DEV_TOOLS", "true")).getProperty(DEV_TOOLS))
                .isEqualTo("true");
    }

    /** The dev profile's settings with the given environment variables and nothing else of this machine's. */
    private static AbstractEnvironment devProfile(Map<String, Object> variables) throws IOException {
        var environment = new AbstractEnvironment() {};
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        new YamlPropertySourceLoader()
                .load("dev", new ClassPathResource("application-dev.yaml"))
                .forEach(environment.getPropertySources()::addLast);
        return environment;
    }
}
