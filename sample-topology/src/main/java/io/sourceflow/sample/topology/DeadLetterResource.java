package io.sourceflow.sample.topology;

import io.sourceflow.EntityNotFoundException;
import io.sourceflow.jms.DeadLetterNotRedrivableException;
import io.sourceflow.jms.DeadLetters;
import io.sourceflow.sample.rest.QueryParameters;
import io.sourceflow.sample.rest.Roles;
import io.sourceflow.sample.rest.SampleApplication;
import io.sourceflow.spi.DeadLetter;
import io.sourceflow.spi.DeadLetterFilter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The messages this server received but could not process ({@code sourceflow-jms} parks them after
 * {@code sourceflow.jms.max-deliveries} failed deliveries), over REST:
 *
 * <pre>
 * GET    /api/dead-letters?includeRedriven=&amp;type=&amp;entityId=&amp;parkedFrom=&amp;parkedBefore=&amp;first=&amp;max=
 *                                                          oldest first, filtered, one page
 * GET    /api/dead-letters/{id}                            one, with body, headers and error
 * POST   /api/dead-letters/{id}/redrive                    sends it again to where it came from
 * DELETE /api/dead-letters/{id}                            deletes it
 * </pre>
 *
 * Role {@value Roles#ADMIN} only: a letter's body, headers and error are the message's content and internals.
 */
@Path("dead-letters")
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = SampleApplication.BEARER)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    /** The largest page {@link #list} returns. */
    public static final int MAX_PAGE = 500;

    @Inject
    DeadLetters deadLetters;

    /**
     * Lists dead letters, oldest first, filtered, one page.
     *
     * @param includeRedriven {@code true} to include those already re-driven
     * @param type only this message type alias
     * @param entityId only this entity
     * @param parkedFrom only letters parked at or after this instant (ISO-8601)
     * @param parkedBefore only letters parked before this instant
     * @param first how many matching letters to skip; 0 by default
     * @param max page size, 1 to {@value #MAX_PAGE}; 50 by default
     * @return the dead letters
     */
    @GET
    public List<DeadLetterResponse> list(@QueryParam("includeRedriven") String includeRedriven,
            @QueryParam("type") String type, @QueryParam("entityId") String entityId,
            @QueryParam("parkedFrom") String parkedFrom, @QueryParam("parkedBefore") String parkedBefore,
            @QueryParam("first") String first, @QueryParam("max") String max) {
        DeadLetterFilter filter = new DeadLetterFilter(QueryParameters.text(type), QueryParameters.text(entityId),
                QueryParameters.instant("parkedFrom", parkedFrom), QueryParameters.instant("parkedBefore", parkedBefore),
                Boolean.TRUE.equals(QueryParameters.bool("includeRedriven", includeRedriven)));
        return deadLetters.list(filter, QueryParameters.integer("first", first, 0, 0, Integer.MAX_VALUE),
                QueryParameters.integer("max", max, 50, 1, MAX_PAGE)).stream().map(DeadLetterResponse::of).toList();
    }

    /**
     * Deletes a dead letter.
     *
     * @param id its id
     * @return 204 No Content
     */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        if (!deadLetters.delete(id)) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    /**
     * One dead letter.
     *
     * @param id its id
     * @return it, with body, headers and error
     */
    @GET
    @Path("{id}")
    public DeadLetterResponse get(@PathParam("id") String id) {
        return DeadLetterResponse.of(deadLetters.find(id).orElseThrow(() -> notFound(id)));
    }

    /**
     * Sends a dead letter again to the destination it came from, and marks it re-driven.
     *
     * @param id its id
     * @return the dead letter, marked re-driven
     * @throws RedriveRefusedException when it was re-driven before, or keeps only part of its body (409)
     */
    @POST
    @Path("{id}/redrive")
    public DeadLetterResponse redrive(@PathParam("id") String id) {
        DeadLetter letter;
        try {
            letter = deadLetters.redrive(id).orElseThrow(() -> notFound(id));
        } catch (DeadLetterNotRedrivableException redrivenBefore) {
            throw new RedriveRefusedException(redrivenBefore.getMessage(), redrivenBefore);
        }
        return DeadLetterResponse.of(letter);
    }

    private static EntityNotFoundException notFound(String id) {
        return new EntityNotFoundException("Dead letter '" + id + "' does not exist");
    }
}
