package org.creditledger.platform.i18n;

import java.util.List;

/**
 * Enums whose values a person reads, so they have a label in every language ({@code enum.<SimpleName>.<CODE>} in
 * an {@code i18n/*} bundle). Declare one bean per module; {@link Labels} collects them all.
 */
public record LabelledEnums(List<Class<? extends Enum<?>>> types) {

    public LabelledEnums {
        types = List.copyOf(types);
    }

    @SafeVarargs
    public static LabelledEnums of(Class<? extends Enum<?>>... types) {
        return new LabelledEnums(List.of(types));
    }
}
