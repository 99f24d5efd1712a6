package org.creditledger.testing;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.validation.FieldError;
import org.springframework.validation.annotation.Validated;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Binds a {@code @ConfigurationProperties} record from a few properties the way the application does at start: under
 * the record's own prefix, with its {@code @DefaultValue}s, and validated only when the record is {@code @Validated}
 * (so a constraint on a record that forgot the annotation is not tested as if it held).
 */
public final class SettingsBinding {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    private SettingsBinding() {
    }

    /** The record bound from {@code properties} (full names, e.g. {@code ledger.http.max-json-body}). */
    public static <T> T bind(Class<T> type, Map<String, String> properties) {
        String prefix = MergedAnnotations.from(type).get(ConfigurationProperties.class).getString("prefix");
        BindHandler handler = MergedAnnotations.from(type).isPresent(Validated.class)
                ? new ValidationBindHandler(new SpringValidatorAdapter(VALIDATION.getValidator()))
                : BindHandler.DEFAULT;
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate(prefix, Bindable.of(type), handler);
    }

    /** The record bound from no properties at all: its defaults. */
    public static <T> T defaults(Class<T> type) {
        return bind(type, Map.of());
    }

    /**
     * Why binding {@code properties} fails, as the start-up failure report gives it: {@code name: reason} per invalid
     * property, or the root cause's message (what a record's constructor refused the values with).
     *
     * @throws AssertionError if the properties bind
     */
    public static String refusal(Class<?> type, Map<String, String> properties) {
        try {
            Object bound = bind(type, properties);
            throw new AssertionError(properties + " were accepted: " + bound);
        } catch (BindException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof BindValidationException)) {
                cause = cause.getCause();
            }
            if (cause instanceof BindValidationException invalid) {
                return invalid.getValidationErrors().getAllErrors().stream()
                        .map(error -> error instanceof FieldError field
                                ? invalid.getValidationErrors().getName() + "." + DataObjectPropertyName.toDashedForm(field.getField())
                                        + ": " + field.getDefaultMessage()
                                : error.getDefaultMessage())
                        .collect(Collectors.joining("\n"));
            }
            return cause.getMessage();
        }
    }
}
