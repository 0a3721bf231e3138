package com.omnichat.base;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The services' check of what a form submits, by the same Bean Validation annotations on the
 * draft records that the forms show on their fields: whatever view (or none) calls a service,
 * the rules hold. The first broken rule, in the record's order, becomes a
 * {@link UserFacingException} with the annotation's message key; a rule inside a list names
 * the element (1-based) as {@code {0}}, as the "Line 2: ..." messages expect.
 */
public final class Drafts {

    // The factory configured by META-INF/validation.xml: the one Vaadin's binders use too.
    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    private Drafts() {}

    public static <T> T valid(T draft) {
        Set<ConstraintViolation<T>> violations = VALIDATOR.validate(draft);
        violations.stream()
                .min(Comparator.comparing((ConstraintViolation<T> v) -> position(v))
                        .thenComparingInt(Drafts::severity))
                .ifPresent(v -> {
                    throw failure(v);
                });
        return draft;
    }

    private static UserFacingException failure(ConstraintViolation<?> v) {
        Object[] limits = BundleMessageInterpolator.limits(v.getConstraintDescriptor());
        Integer index = index(v.getPropertyPath());
        Object[] args = limits;
        if (index != null) {
            args = new Object[limits.length + 1];
            args[0] = index + 1;
            System.arraycopy(limits, 0, args, 1, limits.length);
        }
        return new UserFacingException(BundleMessageInterpolator.key(v.getMessageTemplate()), args);
    }

    private static @Nullable Integer index(Path path) {
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                return node.getIndex();
            }
        }
        return null;
    }

    /** Where the property stands: component order of the root record, element index, component order inside. */
    private static String position(ConstraintViolation<?> v) {
        StringBuilder key = new StringBuilder();
        Class<?> type = v.getRootBeanClass();
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getIndex() != null) {
                key.append(String.format("%06d.", node.getIndex()));
            }
            if (node.getName() != null) {
                key.append(String.format("%03d.", componentIndex(type, node.getName())));
                type = v.getLeafBean() == null ? type : v.getLeafBean().getClass();
            }
        }
        return key.toString();
    }

    private static int componentIndex(Class<?> type, String name) {
        RecordComponent[] components = type.getRecordComponents();
        if (components == null) {
            return 0;
        }
        List<String> names =
                Arrays.stream(components).map(RecordComponent::getName).toList();
        return Math.max(names.indexOf(name), 0);
    }

    /** A missing value is reported before its form, its form before its fine print. */
    private static int severity(ConstraintViolation<?> v) {
        Class<? extends Annotation> type =
                v.getConstraintDescriptor().getAnnotation().annotationType();
        if (type == NotNull.class || type == NotBlank.class || type == NotEmpty.class) {
            return 0;
        }
        return type == Digits.class || type == Pattern.class ? 2 : 1;
    }
}
