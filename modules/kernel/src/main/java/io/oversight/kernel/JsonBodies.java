package io.oversight.kernel;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a request body under a byte limit before parsing it, so an oversized request is refused
 * without being held in memory, and parses it as one JSON object with a clear error if it is not (or if
 * its strings hold what no database stores as sent: {@link StorableJsonText}).
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    public static JsonObject readObject(InputStream body, int maxBytes) {
        byte[] bytes;
        try {
            bytes = body.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > maxBytes) {
            throw new PayloadTooLargeException("The request body is over " + maxBytes + " bytes, this endpoint's limit.");
        }
        if (bytes.length == 0) {
            throw InvalidInputException.of("body", "is empty; send a JSON object");
        }
        StorableJsonText.requireStorable(bytes);
        try (var reader = JsonFactories.PROVIDER.createReader(new ByteArrayInputStream(bytes))) {
            return reader.readObject();
        } catch (JsonParsingException e) {
            var location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNumber() + ", column "
                    + location.getColumnNumber();
            throw InvalidInputException.of("body", "is not well-formed JSON" + where);
        } catch (JsonException | ClassCastException e) {
            throw InvalidInputException.of("body", "must be a JSON object");
        }
    }
}
