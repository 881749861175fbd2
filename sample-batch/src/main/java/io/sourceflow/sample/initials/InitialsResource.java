package io.sourceflow.sample.initials;

import io.sourceflow.EntityNotFoundException;
import io.sourceflow.sample.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/**
 * {@code GET /api/initials/{initial}}: how many accounts, and changes to them, per first letter of the holder's name;
 * role {@value Roles#HOLDER}.
 */
@Path("initials/{initial}")
@RolesAllowed(Roles.HOLDER)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InitialsResource {

    @Inject
    InitialsView initials;

    /**
     * The accounts of one initial.
     *
     * @param initial a letter, any case
     * @return how many were opened and how many changes they took
     */
    @GET
    public InitialsView.Initial get(@PathParam("initial") String initial) {
        String key = initial.strip().toUpperCase(Locale.ROOT);
        return initials.get(key).orElseThrow(() -> new EntityNotFoundException("No account's holder starts with '" + key + "'"));
    }
}
