package io.oversight.app.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API root. Resources of every module are discovered under {@code /api/v1}. */
@ApplicationPath("api/v1")
@OpenAPIDefinition(
        info = @Info(title = "Oversight API", version = "v1",
                description = "Human-in-the-loop review, governance and verifiable audit ledger. "
                        + "Errors are RFC 9457 problem+json."),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class OversightRestApplication extends Application {
}
