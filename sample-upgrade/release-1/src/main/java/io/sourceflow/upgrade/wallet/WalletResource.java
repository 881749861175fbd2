package io.sourceflow.upgrade.wallet;

import io.sourceflow.Command;
import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import io.sourceflow.Metadata;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The wallets over REST:
 * <pre>
 * POST /api/wallets/{id}           {"holder": "Ada Lovelace"}   opens one
 * POST /api/wallets/{id}/deposits  {"cents": 1250}              puts money in
 * GET  /api/wallets/{id}                                        its view
 * POST /api/wallets/{id}/replay                                 rebuilds it and its view from the log
 * </pre>
 * A command handled here answers 200 with its sequence number; one sent to another server 202.
 */
@Path("wallets/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WalletResource {

    @Inject
    CommandBus bus;

    @Inject
    WalletView view;

    /**
     * Opens a wallet.
     *
     * @param id its id
     * @param body the holder
     * @return 200 or 202
     */
    @POST
    public Response open(@PathParam("id") String id, Opening body) {
        return sent(new Open(EntityRef.of(id).asNew(), body.holder()));
    }

    /**
     * Puts money in.
     *
     * @param id the wallet
     * @param body the amount
     * @return 200 or 202
     */
    @POST
    @Path("deposits")
    public Response deposit(@PathParam("id") String id, Amount body) {
        return sent(new Deposit(EntityRef.of(id), body.cents()));
    }

    /**
     * A wallet's view.
     *
     * @param id the wallet
     * @return its summary
     */
    @GET
    public WalletSummary get(@PathParam("id") String id) {
        return view.get(id).orElseThrow(() -> new NotFoundException("no wallet " + id));
    }

    /**
     * Rebuilds a wallet and its view from its log.
     *
     * @param id the wallet
     * @return how many commands were replayed, and the rebuilt view
     */
    @POST
    @Path("replay")
    public Replayed replay(@PathParam("id") String id) {
        return new Replayed(bus.replay(Wallet.class, EntityRef.of(id)), get(id));
    }

    private Response sent(Command command) {
        Metadata logged = bus.publish(command);
        return Response.status(logged.sequenceNo() == 0 ? 202 : 200).entity(new Sent(logged.sequenceNo())).build();
    }

    /**
     * A new wallet's holder.
     *
     * @param holder the full name
     */
    public record Opening(String holder) {
    }

    /**
     * An amount.
     *
     * @param cents in cents
     */
    public record Amount(long cents) {
    }

    /**
     * What a command got.
     *
     * @param sequenceNo its sequence number here, or 0 when it was sent to another server
     */
    public record Sent(long sequenceNo) {
    }

    /**
     * A replay's outcome.
     *
     * @param replayed how many commands were re-run
     * @param wallet the rebuilt view
     */
    public record Replayed(long replayed, WalletSummary wallet) {
    }
}
