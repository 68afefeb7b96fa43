package io.oversight.app.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Text helpers for every page ({@code #{texts.join(list)}}). EL resolves {@code String.join(', ', list)}
 * to the varargs overload and renders nothing for a list, so pages join through here.
 */
@Named
@ApplicationScoped
public class Texts {

    public String join(Collection<?> values) {
        return values == null ? "" : values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
