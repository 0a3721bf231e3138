package com.omnichat;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.base.Permission;
import com.omnichat.base.Role;
import com.omnichat.base.TranslationProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The three message bundles stay complete and in step with each other and with the code. */
class I18nBundlesTest {

    private static final List<String> BUNDLES =
            List.of("messages.properties", "messages_uk.properties", "messages_ru.properties");

    @Test
    void allBundlesHaveExactlyTheSameKeys() throws IOException {
        Map<String, Properties> bundles = loadAll();
        Set<String> allKeys = new TreeSet<>();
        bundles.values().forEach(p -> allKeys.addAll(p.stringPropertyNames()));

        List<String> problems = new ArrayList<>();
        bundles.forEach((name, props) -> {
            Set<String> missing = new TreeSet<>(allKeys);
            missing.removeAll(props.stringPropertyNames());
            if (!missing.isEmpty()) {
                problems.add(name + " lacks " + missing);
            }
        });
        assertThat(problems).as("keys missing per bundle").isEmpty();
    }

    @Test
    void noValueIsBlank() throws IOException {
        List<String> blank = new ArrayList<>();
        loadAll()
                .forEach((name, props) -> props.stringPropertyNames().stream()
                        .filter(key -> props.getProperty(key).isBlank())
                        .sorted()
                        .forEach(key -> blank.add(name + ": " + key)));
        assertThat(blank).as("blank values").isEmpty();
    }

    @Test
    void translationsUseTheSamePlaceholdersAsEnglish() throws IOException {
        Map<String, Properties> bundles = loadAll();
        Properties english = bundles.get("messages.properties");
        List<String> problems = new ArrayList<>();
        bundles.forEach((name, props) -> props.stringPropertyNames().stream()
                .sorted()
                .forEach(key -> {
                    String value = props.getProperty(key);
                    try {
                        new MessageFormat(value); // parses, e.g. no unbalanced braces
                    } catch (IllegalArgumentException e) {
                        problems.add(name + ": " + key + " is no valid MessageFormat pattern: " + e.getMessage());
                        return;
                    }
                    if (english.containsKey(key)
                            && !placeholders(value).equals(placeholders(english.getProperty(key)))) {
                        problems.add(name + ": " + key + " uses " + placeholders(value) + " but English uses "
                                + placeholders(english.getProperty(key)));
                    }
                }));
        assertThat(problems).isEmpty();
    }

    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Properties english = loadAll().get("messages.properties");
        Set<String> used = new TreeSet<>(keysInSources());
        used.add(Role.ADMINISTRATOR.labelKey());
        used.add(Role.MANAGER.labelKey());
        for (Permission permission : Permission.values()) {
            used.add("permission." + permission.name());
        }
        for (Locale language : TranslationProvider.LANGUAGES) {
            used.add("language." + language.getLanguage());
        }
        assertThat(used).as("sanity: the source scan found keys").contains("app.name", "nav.chats");

        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(english.stringPropertyNames());
        assertThat(missing)
                .as("keys used in src/main/java but missing in messages.properties")
                .isEmpty();
    }

    @Test
    void translationProviderFallsBackToEnglishForOtherLanguages() {
        assertThat(TranslationProvider.translate("nav.chats", TranslationProvider.UKRAINIAN))
                .isEqualTo("Чати");
        assertThat(TranslationProvider.translate("nav.chats", Locale.GERMAN)).isEqualTo("Chats");
        assertThat(TranslationProvider.translate("user.error.login-taken", Locale.ENGLISH, "olena"))
                .isEqualTo("The login olena is taken.");
        assertThat(TranslationProvider.translate("no.such.key", Locale.ENGLISH)).isEqualTo("!no.such.key");
    }

    /** String literals passed where a translation key is expected. */
    private static Set<String> keysInSources() throws IOException {
        Pattern call = Pattern.compile(
                "(?:getTranslation|success|errorKey|UserFacingException|translate)\\(\\s*\"([a-z][a-zA-Z0-9.-]+)\"\\s*[,)]");
        Pattern menu = Pattern.compile("@Menu\\([^)]*title\\s*=\\s*\"([^\"]+)\"");
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (Pattern p : List.of(call, menu)) {
                    Matcher m = p.matcher(source);
                    while (m.find()) {
                        keys.add(m.group(1));
                    }
                }
            }
        }
        return keys;
    }

    private static Set<Integer> placeholders(String pattern) {
        Set<Integer> indexes = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)").matcher(pattern);
        while (m.find()) {
            indexes.add(Integer.parseInt(m.group(1)));
        }
        return indexes;
    }

    private static Map<String, Properties> loadAll() throws IOException {
        Map<String, Properties> bundles = new LinkedHashMap<>();
        for (String name : BUNDLES) {
            try (InputStream in = I18nBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
                assertThat(in).as(name + " on the classpath").isNotNull();
                var props = new Properties();
                props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                bundles.put(name, props);
            }
        }
        return bundles;
    }
}
