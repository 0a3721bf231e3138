package com.omnichat.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * One Omnichat node: the packaged jar in a process of its own ({@code java} of the running JVM),
 * on a free port, its output in a file under {@code target/} for diagnosis. A jar built without
 * the production profile has no production bundle and no Vaadin dev server (optional): it is
 * then extracted ({@code -Djarmode=tools extract}) and started from its own jars plus the
 * dev-mode jars of this JVM's class path, so the nodes serve the UI as the tests do.
 */
public final class AppNode implements AutoCloseable {

    /** The artifacts of {@code com.vaadin:vaadin-dev} and what it brings, by file name. */
    private static final List<String> DEV_MODE_JARS = List.of(
            "vaadin-dev-",
            "vaadin-dev-server-",
            "flow-build-tools-",
            "jackson-dataformat-yaml-",
            "snakeyaml-engine-",
            "license-checker-",
            "nimbus-jose-jwt-",
            "open-",
            "javaparser-core-",
            "directory-watcher-",
            "jna-",
            "vaadin-dev-bundle-",
            "copilot-",
            "ui-tests-");

    /**
     * A key of this run, the same for every node it starts (they share one database). Not the
     * public test key: the application refuses that one outside the dev and test profiles.
     */
    public static final String SECRET_KEY = randomKey();

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    private final String name;
    private final int port;
    private final Path log;
    private final List<String> command;
    private final Map<String, String> environment;
    private Process process;

    private AppNode(String name, int port, Path log, List<String> command, Map<String, String> environment) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.command = command;
        this.environment = environment;
    }

    /** A node on {@code database} (on the local PostgreSQL) with its settings as command-line properties. */
    public static AppNode of(String name, String database, Map<String, String> properties, Map<String, String> env) {
        int port = freePort();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("server.port", Integer.toString(port));
        props.put("spring.datasource.url", "jdbc:postgresql://localhost:5432/" + database);
        props.put("spring.datasource.username", "postgres");
        props.put("spring.datasource.hikari.maximum-pool-size", "6");
        props.put("omnichat.db.create-if-missing", "false");
        props.put("omnichat.secret-key", SECRET_KEY);
        props.put("omnichat.public-url", "http://localhost:" + port);
        props.put("omnichat.demo-data", "false");
        props.put("vaadin.devmode.devTools.enabled", "false");
        props.put("vaadin.launch-browser", "false");
        props.put("logging.level.root", "WARN");
        props.put("logging.level.com.omnichat", "INFO");
        props.put("logging.level.org.quartz", "INFO");
        props.putAll(properties);

        Path jar = jar();
        List<String> command = new ArrayList<>();
        command.add(javaCommand());
        command.add("-Xmx640m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Duser.language=en");
        command.add("-Duser.country=US");
        if (productionBuild(jar)) {
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            // Vaadin's dev mode cannot read its resources from jars nested in a jar: the jar is
            // extracted (Spring Boot's jarmode=tools) and run from plain jars, with the dev-mode jars.
            Path extracted = extracted(jar);
            List<String> classPath = new ArrayList<>(List.of(extracted.toString()));
            classPath.addAll(devModeJars());
            command.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, classPath), mainClass(extracted)));
        }
        props.forEach((k, v) -> command.add("--" + k + "=" + v));
        // One file per start: a later run (or failsafe execution) does not overwrite the evidence.
        Path log = Paths.get(
                        "target",
                        "cluster",
                        name + "-"
                                + java.time.LocalDateTime.now()
                                        .format(java.time.format.DateTimeFormatter.ofPattern("HHmmss"))
                                + ".log")
                .toAbsolutePath();
        return new AppNode(name, port, log, command, env);
    }

    public AppNode start() {
        try {
            Files.createDirectories(log.getParent());
            var builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().putAll(environment);
            // The app's own variables must not leak in from the test's environment.
            builder.environment().remove("DEMO_DATA");
            process = builder.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the node answers its health endpoint with UP (or fails with the log's tail). */
    public void awaitHealthy(Duration timeout) {
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            Awaitility.await(name + " healthy")
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .failFast(name + " exited", () -> {
                        if (process != null && !process.isAlive()) {
                            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; " + log
                                    + " ends with:\n" + tail(40));
                        }
                    })
                    .until(() -> {
                        var response = http.send(
                                HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                                        .timeout(Duration.ofSeconds(5))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        return response.statusCode() == 200 && response.body().contains("\"UP\"");
                    });
        }
    }

    /** The last lines of the node's output (errors of a failed start). */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, java.nio.charset.StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public String name() {
        return name;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Stops the process (a graceful shutdown first) and waits for it. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The packaged application jar ({@code target/omnichat-*.jar}, not the {@code .original} nor the benchmark's). */
    public static Path jar() {
        try (Stream<Path> files = Files.list(Paths.get("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("omnichat-.*\\.jar")
                            && !p.getFileName().toString().endsWith("-bench.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "No target/omnichat-*.jar: run the package phase first (./mvnw verify does)"))
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Extracts the jar once per build into {@code target/cluster/app-<jar time>}: a node still
     * running from an earlier build keeps its files.
     */
    private static synchronized Path extracted(Path jar) {
        try {
            Path dir = Paths.get(
                            "target",
                            "cluster",
                            "app-" + Files.getLastModifiedTime(jar).toMillis())
                    .toAbsolutePath();
            Path app = dir.resolve(jar.getFileName());
            if (Files.exists(app)) {
                return app;
            }
            Process extract = new ProcessBuilder(
                            javaCommand(),
                            "-Djarmode=tools",
                            "-jar",
                            jar.toString(),
                            "extract",
                            "--force",
                            "--destination",
                            dir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0 || !Files.exists(app)) {
                throw new IllegalStateException("Could not extract " + jar + " into " + dir);
            }
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String mainClass(Path jar) {
        try (var file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Main-Class");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String javaCommand() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Paths.get(System.getProperty("java.home"), "bin", "java")
                        .toString());
    }

    private static boolean productionBuild(Path jar) {
        try (var file = new JarFile(jar.toFile())) {
            var info = file.getEntry("META-INF/VAADIN/config/flow-build-info.json");
            if (info == null) {
                return false;
            }
            String json = new String(file.getInputStream(info).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return json.replace(" ", "").contains("\"productionMode\":true");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> devModeJars() {
        List<String> jars = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> {
                    String file = Paths.get(entry).getFileName().toString();
                    return file.endsWith(".jar")
                            && DEV_MODE_JARS.stream()
                                    .anyMatch(prefix ->
                                            file.startsWith(prefix) && Character.isDigit(file.charAt(prefix.length())));
                })
                .toList();
        if (jars.stream().noneMatch(j -> Paths.get(j).getFileName().toString().startsWith("vaadin-dev-server-"))) {
            throw new IllegalStateException("The jar is no production build and vaadin-dev-server is not on the"
                    + " class path: build with -Pproduction or run from the test class path");
        }
        return jars;
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
