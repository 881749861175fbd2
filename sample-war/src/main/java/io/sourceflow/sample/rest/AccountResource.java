package io.sourceflow.sample.rest;

import io.sourceflow.EntityNotFoundException;
import io.sourceflow.Metadata;
import io.sourceflow.rest.InvalidRequestException;
import io.sourceflow.sample.account.AccountAggregate;
import io.sourceflow.sample.account.AccountQueries;
import io.sourceflow.sample.account.AccountView;
import io.sourceflow.sample.rest.Requests.Activate;
import io.sourceflow.sample.rest.Requests.Amount;
import io.sourceflow.sample.rest.Requests.Close;
import io.sourceflow.sample.rest.Requests.OpenAccount;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Bank accounts over REST. Each write sends one command through {@link AccountAggregate} (its own
 * transaction) and answers with the account's read model; the header {@value #SEQUENCE_HEADER}
 * carries the sequence number the command got. When the command is sent to another server instead
 * (a server without the account saga, or one of several servers that all take their commands from
 * the broker's queue), it is logged there and its sequence number here is 0: a write then answers
 * {@code 202 Accepted} with the command's message id ({@link Accepted}), and the view shows the
 * change once that server's event arrives.
 *
 * <pre>
 * POST /api/accounts                      {"id":"a-1","accountName":"Jane","initialAmount":1000,"holderEmail":"jane@example.org"}
 * POST /api/accounts/a-1/deposits         {"amount":500}
 * POST /api/accounts/a-1/withdrawals      {"amount":200}
 * POST /api/accounts/a-1/close            {"reason":"moving"}
 * POST /api/accounts/a-1/activate         {"activeOn":"2026-12-01"}
 * GET  /api/accounts/a-1                  the read model
 * GET  /api/accounts?name=jan&amp;closed=false&amp;minBalance=10&amp;first=0&amp;max=20
 * GET  /api/accounts/a-1/history?after=&max=   the command log, a page at a time
 * POST /api/accounts/a-1/replay           rebuilds the account and its view from the log
 * DELETE /api/accounts/a-1/personal-data  forgets the holder's personal data ({@link PersonalDataResource})
 * </pre>
 *
 * Every call needs a bearer token: role {@value Roles#HOLDER}, but {@value Roles#ADMIN} for history and replay.
 */
@Path("accounts")
@RolesAllowed(Roles.HOLDER)
@SecurityRequirement(name = SampleApplication.BEARER)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    /** The response header that carries the command's sequence number. */
    public static final String SEQUENCE_HEADER = "SourceFlow-Sequence-No";

    @Inject
    AccountAggregate accounts;

    @Inject
    AccountView view;

    @Inject
    AccountQueries queries;

    @Inject
    AccountHistory history;

    @Inject
    @ConfigProperty(name = "sourceflow.sample.max-page-size", defaultValue = "100")
    int maxPageSize;

    @Inject
    Validator validator;

    @Context
    UriInfo uriInfo;

    /**
     * Opens an account.
     *
     * @param body the account to open; without an id one is generated
     * @return 201 with the account and its location
     */
    @POST
    public Response open(OpenAccount body) {
        valid(body);
        String id = body.id() == null ? UUID.randomUUID().toString() : body.id();
        Metadata logged = accounts.open(id, body.accountName().strip(), body.initialAmount(), body.holderEmail());
        if (sentElsewhere(logged)) {
            return accepted(id, logged);
        }
        return Response.created(uriInfo.getAbsolutePathBuilder().path(id).build())
                .header(SEQUENCE_HEADER, logged.sequenceNo())
                .entity(account(id))
                .build();
    }

    /**
     * Searches accounts (a JPQL query on the read model).
     *
     * @param name part of the holder's name, any case
     * @param closed {@code true} or {@code false} to filter on closure
     * @param minBalance the least balance
     * @param first index of the first result, from 0
     * @param max page size, 1 to the configured maximum
     * @return the accounts, ordered by name then id
     */
    @GET
    public List<AccountResponse> search(@QueryParam("name") String name, @QueryParam("closed") String closed,
            @QueryParam("minBalance") String minBalance, @QueryParam("first") String first,
            @QueryParam("max") String max) {
        AccountQueries.Criteria criteria = new AccountQueries.Criteria(
                name == null || name.isBlank() ? null : name.strip(), QueryParameters.bool("closed", closed),
                QueryParameters.decimal("minBalance", minBalance));
        int from = QueryParameters.integer("first", first, 0, 0, Integer.MAX_VALUE);
        int size = QueryParameters.integer("max", max, Math.min(20, maxPageSize), 1, maxPageSize);
        return queries.search(criteria, from, size).stream().map(AccountResponse::of).toList();
    }

    /**
     * One account.
     *
     * @param id the account id
     * @return its read model
     */
    @GET
    @Path("{id}")
    public AccountResponse get(@PathParam("id") String id) {
        return account(id);
    }

    /**
     * Deposits money.
     *
     * @param id the account id
     * @param body the amount
     * @return the account after the deposit
     */
    @POST
    @Path("{id}/deposits")
    public Response deposit(@PathParam("id") String id, Amount body) {
        valid(body);
        return changed(id, accounts.deposit(id, body.amount()));
    }

    /**
     * Withdraws money.
     *
     * @param id the account id
     * @param body the amount, at most the balance
     * @return the account after the withdrawal
     */
    @POST
    @Path("{id}/withdrawals")
    public Response withdraw(@PathParam("id") String id, Amount body) {
        valid(body);
        return changed(id, accounts.withdraw(id, body.amount()));
    }

    /**
     * Closes an account.
     *
     * @param id the account id
     * @param body the reason
     * @return the closed account
     */
    @POST
    @Path("{id}/close")
    public Response close(@PathParam("id") String id, Close body) {
        valid(body);
        return changed(id, accounts.close(id, body.reason().strip()));
    }

    /**
     * Activates an account.
     *
     * @param id the account id
     * @param body the first active day, or none for today (UTC)
     * @return the activated account
     */
    @POST
    @Path("{id}/activate")
    public Response activate(@PathParam("id") String id, Activate body) {
        valid(body);
        LocalDate activeOn = body.activeOn() == null ? LocalDate.now(ZoneOffset.UTC) : body.activeOn();
        return changed(id, accounts.activate(id, activeOn));
    }

    /**
     * A page of an account's command log.
     *
     * @param id the account id
     * @param after the commands numbered above this one; 0 (from the first) by default
     * @param max page size, 1 to {@code sourceflow.sample.max-page-size}; that size by default
     * @return its commands in sequence order; empty past the end
     */
    @GET
    @Path("{id}/history")
    @RolesAllowed(Roles.ADMIN)
    public List<HistoryEntry> history(@PathParam("id") String id, @QueryParam("after") String after,
            @QueryParam("max") String max) {
        int from = QueryParameters.integer("after", after, 0, 0, Integer.MAX_VALUE);
        List<HistoryEntry> entries = history.of(id, from, QueryParameters.integer("max", max, maxPageSize, 1, maxPageSize));
        if (entries.isEmpty() && (from == 0 || history.of(id, 0, 1).isEmpty())) {
            throw new EntityNotFoundException("Account '" + id + "' does not exist");
        }
        return entries;
    }

    /**
     * Rebuilds an account and its view by replaying its command log.
     *
     * @param id the account id
     * @return how many commands were replayed, and the rebuilt account
     */
    @POST
    @Path("{id}/replay")
    @RolesAllowed(Roles.ADMIN)
    public ReplayResult replay(@PathParam("id") String id) {
        long replayed = accounts.rebuild(id);
        return new ReplayResult(replayed, account(id));
    }

    /**
     * The outcome of a replay.
     *
     * @param replayed how many commands were re-run
     * @param account the rebuilt account
     */
    public record ReplayResult(long replayed, AccountResponse account) {
    }

    /**
     * Validates a request body here rather than with {@code @Valid}, so that violations reach
     * {@link SampleProblems} instead of the JAX-RS implementation's own validation response.
     */
    private void valid(Object body) {
        if (body == null) {
            throw new BadRequestException("A JSON request body is required");
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw InvalidRequestException.of(violations);
        }
    }

    private Response changed(String id, Metadata logged) {
        if (sentElsewhere(logged)) {
            return accepted(id, logged);
        }
        return Response.ok(account(id)).header(SEQUENCE_HEADER, logged.sequenceNo()).build();
    }

    /** A command another server logs and handles got no sequence number here. */
    private static boolean sentElsewhere(Metadata logged) {
        return logged.sequenceNo() == 0;
    }

    /** 202 with the command's ids and where the account's view will be. */
    private Response accepted(String id, Metadata sent) {
        return Response.accepted(new Accepted(sent.messageId().toString(), id))
                .location(uriInfo.getBaseUriBuilder().path(AccountResource.class).path(id).build())
                .build();
    }

    /**
     * The answer to a command sent to another server.
     *
     * @param messageId the command's message id (it is logged under this id where it is handled)
     * @param accountId the account it is for
     */
    public record Accepted(String messageId, String accountId) {
    }

    private AccountResponse account(String id) {
        return view.get(id).map(AccountResponse::of)
                .orElseThrow(() -> new EntityNotFoundException("Account '" + id + "' does not exist"));
    }
}
