package io.oversight.app.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one way pages show an instant to people ({@code converter="oversight.time"}): "5 Dec 2026,
 * 10:31:07 UTC" instead of the ISO form. Always UTC and said so, because reviewers, auditors and the
 * ledger's own entries must agree on the time of an event wherever the reader sits; seconds stay,
 * because auditors line page times up with ledger entries. Output only: instants are never typed in
 * through it.
 */
@FacesConverter("oversight.time")
public class HumanTimeConverter implements Converter<Object> {

    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Override
    public String getAsString(FacesContext context, UIComponent component, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Instant instant) {
            return FORMAT.format(instant);
        }
        if (value instanceof java.util.Optional<?> optional) {
            return optional.map(v -> getAsString(context, component, v)).orElse("—");
        }
        throw new ConverterException("not an instant: " + value.getClass().getName());
    }

    @Override
    public Object getAsObject(FacesContext context, UIComponent component, String value) {
        throw new ConverterException("oversight.time only formats instants for reading");
    }
}
