package io.sourceflow.upgrade.server;

import io.sourceflow.jms.DeadLetters;
import io.sourceflow.spi.DeadLetter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The messages this server parked, and their re-drive:
 * {@code GET /api/dead-letters} (all, re-driven ones too, oldest first, at most 500) and
 * {@code POST /api/dead-letters/{id}/redrive}.
 */
@Path("dead-letters")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterEndpoint {

    @Inject
    DeadLetters deadLetters;

    /**
     * Lists the dead letters.
     *
     * @return each with its type, entity, error and whether it was re-driven
     */
    @GET
    public List<Letter> list() {
        return deadLetters.list(true, 500).stream().map(Letter::of).toList();
    }

    /**
     * Sends one again to where it came from.
     *
     * @param id its id
     * @return it, marked re-driven
     */
    @POST
    @Path("{id}/redrive")
    public Letter redrive(@PathParam("id") String id) {
        return deadLetters.redrive(id).map(Letter::of).orElseThrow(() -> new NotFoundException("no dead letter " + id));
    }

    /**
     * A dead letter as the API shows it.
     *
     * @param id its id
     * @param type the message type alias, or null
     * @param entityId the entity id, or null
     * @param error why it was parked
     * @param redriven whether it was sent again
     */
    public record Letter(String id, String type, String entityId, String error, boolean redriven) {

        static Letter of(DeadLetter letter) {
            return new Letter(letter.id(), letter.typeAlias(), letter.entityId(), letter.error(), letter.redrivenOn() != null);
        }
    }
}
