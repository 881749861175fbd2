package io.sourceflow.sample.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API, under {@code /api}. Every call needs a MicroProfile JWT bearer token ({@code WEB-INF/web.xml});
 * the API's description names the scheme {@value #BEARER}.
 */
@ApplicationPath("api")
@SecurityScheme(securitySchemeName = SampleApplication.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "A MicroProfile JWT token: its groups are the caller's roles, "
                + Roles.HOLDER + " and " + Roles.ADMIN)
public class SampleApplication extends Application {

    /** The name of the bearer-token scheme in the API's description. */
    public static final String BEARER = "jwt";
}
