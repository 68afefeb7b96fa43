package io.oversight.kernel;

import java.util.Locale;
import java.util.function.Function;

/** A settings PUT changes the fields it names and keeps the others; enum names are read case-blind. */
public final class PartialUpdates {

    private PartialUpdates() {
    }

    public static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    public static <E> E parse(String text, Function<String, E> valueOf, E fallback, String field, String message, Violations v) {
        if (text == null) {
            return fallback;
        }
        try {
            return valueOf.apply(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            v.add(field, message);
            return fallback;
        }
    }
}
