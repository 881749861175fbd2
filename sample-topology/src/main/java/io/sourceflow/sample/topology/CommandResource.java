package io.sourceflow.sample.topology;

import io.sourceflow.CommandStatus;
import io.sourceflow.CommandStatuses;
import io.sourceflow.EntityNotFoundException;
import io.sourceflow.sample.rest.Roles;
import io.sourceflow.sample.rest.SampleApplication;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * What became of a command another server handles: the {@code messageId} of a {@code 202 Accepted}
 * answer, looked up in the statuses {@code sourceflow-jms} records.
 *
 * <pre>
 * GET /api/commands/{messageId}    {"state":"ACCEPTED" | "APPLIED" | "REJECTED" | "PARKED", "sequenceNo":..., "problem":...}
 * </pre>
 *
 * Roles {@value Roles#HOLDER} (the sender of a command) and {@value Roles#ADMIN}.
 */
@Path("commands")
@RolesAllowed({Roles.HOLDER, Roles.ADMIN})
@SecurityRequirement(name = SampleApplication.BEARER)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CommandResource {

    @Inject
    CommandStatuses statuses;

    /**
     * A command's status.
     *
     * @param messageId the command's message id
     * @return its status; 404 when no command with this id was sent or handled here (or its status was purged)
     */
    @GET
    @Path("{messageId}")
    public CommandStatus get(@PathParam("messageId") String messageId) {
        UUID id;
        try {
            id = UUID.fromString(messageId);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("A command's message id is a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e");
        }
        return statuses.find(id).orElseThrow(() -> new EntityNotFoundException("No command " + id
                + " was sent from or handled by these servers, or its status was purged"));
    }
}
