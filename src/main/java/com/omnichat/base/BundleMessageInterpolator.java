package com.omnichat.base;

import jakarta.validation.MessageInterpolator;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bean Validation messages from the application's bundles: a constraint's
 * {@code message = "{key}"} is that key in {@code messages*.properties}, with the constraint's
 * limit as {@code {0}}. Registered in {@code META-INF/validation.xml}, so Vaadin's binders
 * show field errors in the user's language.
 */
public class BundleMessageInterpolator implements MessageInterpolator {

    // The attribute a message may quote as {0} (a size limit); other limits are in the text.
    private static final List<String> LIMITS = List.of("max");

    @Override
    public String interpolate(String messageTemplate, Context context) {
        return interpolate(messageTemplate, context, TranslationProvider.ENGLISH);
    }

    @Override
    public String interpolate(String messageTemplate, Context context, Locale locale) {
        return TranslationProvider.translate(key(messageTemplate), locale, limits(context.getConstraintDescriptor()));
    }

    /** {@code {order.error.empty}} → {@code order.error.empty}. */
    static String key(String messageTemplate) {
        String t = messageTemplate.strip();
        return t.startsWith("{") && t.endsWith("}") ? t.substring(1, t.length() - 1) : t;
    }

    static Object[] limits(ConstraintDescriptor<?> descriptor) {
        Map<String, Object> attributes = descriptor.getAttributes();
        List<Object> args = new ArrayList<>();
        for (String name : LIMITS) {
            if (attributes.containsKey(name)) {
                args.add(attributes.get(name));
            }
        }
        return args.toArray();
    }
}
