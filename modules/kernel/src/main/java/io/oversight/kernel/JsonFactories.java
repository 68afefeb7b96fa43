package io.oversight.kernel;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. Each static {@code jakarta.json.Json.create*} call looks the
 * provider up again through the ServiceLoader (a class-path scan and a new provider object); on the
 * intake path that was several lookups per prediction. Use {@code JsonFactories.PROVIDER.create*}
 * instead: the same methods, the same provider.
 */
public final class JsonFactories {

    /** The provider the platform supplies, found at class initialisation. */
    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonFactories() {
    }
}
