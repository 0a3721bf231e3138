package com.omnichat.base;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * All user-visible text comes from {@code messages*.properties} (UTF-8). English is the
 * fallback for a missing key; a key missing everywhere shows as {@code !key} so it is
 * noticed (the bundle test fails long before that).
 */
@Component
public class TranslationProvider implements I18NProvider {

    public static final String BUNDLE = "messages";
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale UKRAINIAN = Locale.of("uk");
    public static final Locale RUSSIAN = Locale.of("ru");
    public static final List<Locale> LANGUAGES = List.of(ENGLISH, UKRAINIAN, RUSSIAN);

    private static final Logger log = LoggerFactory.getLogger(TranslationProvider.class);

    @Override
    public List<Locale> getProvidedLocales() {
        return LANGUAGES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return translate(key, locale, params);
    }

    /** Static access for code outside a component (e-mails, logs shown to users). */
    public static String translate(String key, Locale locale, Object... params) {
        Locale supported = supported(locale);
        try {
            String pattern =
                    ResourceBundle.getBundle(BUNDLE, supported, NO_FALLBACK).getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, supported).format(params);
        } catch (MissingResourceException e) {
            log.warn("Missing translation {} for {}", key, supported);
            return "!" + key;
        }
    }

    /** Maps any locale to the nearest language we have (by language only). */
    public static Locale supported(Locale locale) {
        if (locale == null) {
            return ENGLISH;
        }
        return LANGUAGES.stream()
                .filter(l -> l.getLanguage().equals(locale.getLanguage()))
                .findFirst()
                .orElse(ENGLISH);
    }

    // Without this, the JVM's default locale would be tried before the base bundle.
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}
