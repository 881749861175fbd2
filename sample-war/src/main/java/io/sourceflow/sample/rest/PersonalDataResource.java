package io.sourceflow.sample.rest;

import io.sourceflow.DataSubjects;
import io.sourceflow.EntityNotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Erasure on request: {@code DELETE /api/accounts/{id}/personal-data} forgets the account as a data
 * subject (crypto-shredding). Its key is deleted, so the holder's e-mail address reads as {@code null}
 * everywhere it was written (the command log, queues, dead letters); the account, its balance, its
 * history and its replays go on working. It cannot be undone. Operators only.
 */
@Path("accounts/{id}/personal-data")
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = SampleApplication.BEARER)
@RequestScoped
public class PersonalDataResource {

    @Inject
    DataSubjects subjects;

    @Inject
    AccountHistory history;

    /**
     * Forgets the account's personal data.
     *
     * @param id the account id
     * @return 204, also when it was forgotten before
     * @throws EntityNotFoundException (404) when the account has no command log
     */
    @DELETE
    public Response forget(@PathParam("id") String id) {
        if (history.of(id, 0, 1).isEmpty()) {
            throw new EntityNotFoundException("Account '" + id + "' does not exist");
        }
        subjects.forget(id);
        return Response.noContent().build();
    }
}
