package com.omnichat.base.ui;

import com.omnichat.base.UserFacingException;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ReadOnlyHasValue;
import com.vaadin.flow.data.converter.Converter;
import java.util.Collection;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * What the forms share: a binder whose Bean Validation messages come from the bundles
 * ({@code META-INF/validation.xml}), choices bound as the ids the records carry, values a
 * record keeps without a field, and a service's refusal shown on the field it concerns.
 */
public final class Forms {

    private Forms() {}

    public static <T> BeanValidationBinder<T> binder(Class<T> type) {
        var binder = new BeanValidationBinder<>(type);
        // The record's annotations are the rules; a field's own checks (required, e-mail form)
        // would only add an error without a message.
        binder.setDefaultValidatorsEnabled(false);
        return binder;
    }

    /** A choice (a manager, a stage, a channel) bound as its id; an id no longer offered reads as none. */
    public static <T> Converter<@Nullable T, @Nullable Long> byId(Collection<T> choices, ToLongFunction<T> id) {
        return Converter.<@Nullable T, @Nullable Long>from(
                choice -> choice == null ? null : Long.valueOf(id.applyAsLong(choice)),
                value -> value == null
                        ? null
                        : choices.stream()
                                .filter(c -> id.applyAsLong(c) == value)
                                .findFirst()
                                .orElse(null),
                Exception::getMessage);
    }

    /** A record component the form carries along without showing it (an id, a version, a flag). */
    public static <V extends @Nullable Object> ReadOnlyHasValue<V> kept(V value) {
        var holder = new ReadOnlyHasValue<V>(v -> {}, value);
        holder.setValue(value);
        return holder;
    }

    /**
     * A service's refusal (a rule only it can check: a taken name, the password policy) on the
     * field it concerns, chosen by the message key's prefix; one that concerns the whole form
     * is a notification.
     */
    public static void show(UserFacingException e, Map<String, ? extends HasValidation> fieldsByKeyPrefix) {
        fieldsByKeyPrefix.entrySet().stream()
                .filter(f -> e.messageKey().startsWith(f.getKey()))
                .findFirst()
                .ifPresentOrElse(f -> showOn(f.getValue(), e), () -> Notifications.error(e));
    }

    public static void showOn(HasValidation field, UserFacingException e) {
        field.setErrorMessage(UI.getCurrent().getTranslation(e.messageKey(), e.args()));
        field.setInvalid(true);
    }
}
