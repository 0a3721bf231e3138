package com.omnichat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The application modules (base, user, channel, chat, customer, sales, quickreply) only use
 * each other's published API and form no cycles.
 */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(OmnichatApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() throws Exception {
        // Component diagrams and module canvases, e.g. for the README.
        Path output = Path.of("target", "spring-modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(output.toString())).writeDocumentation();

        assertThat(output.resolve("components.puml")).exists();
        try (var files = Files.list(output)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(name -> name.startsWith("module-user"));
        }
    }
}
