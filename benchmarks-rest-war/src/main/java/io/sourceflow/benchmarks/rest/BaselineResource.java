package io.sourceflow.benchmarks.rest;

import io.sourceflow.sample.account.AccountViewModel;
import io.sourceflow.sample.account.BankAccount;
import io.sourceflow.sample.rest.AccountResponse;
import io.sourceflow.sample.rest.Requests.Amount;
import io.sourceflow.sample.rest.Requests.OpenAccount;
import io.sourceflow.sample.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The baseline of the REST benchmark: the sample's open and deposit written by hand with JAX-RS and
 * JPA, as an application without SourceFlow would. The same request bodies, validation, entity and
 * read model classes (in the same tables) and answer as the sample's {@code /api/accounts}; one
 * transaction per request that locks the account row, logs the command in a table of its own and
 * updates the account and its read model: the three writes SourceFlow makes for a deposit. The same role check
 * ({@value Roles#HOLDER}) as the sample's, so that both pay for the token.
 */
@Path("baseline/accounts")
@RolesAllowed(Roles.HOLDER)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BaselineResource {

    @PersistenceContext(unitName = "sourceflow")
    EntityManager em;

    @Inject
    Validator validator;

    /**
     * Opens an account.
     *
     * @param body the account to open, with its id
     * @return 201 with the account
     */
    @POST
    @Transactional
    public Response open(OpenAccount body) {
        valid(body);
        if (body.id() == null) {
            throw new BadRequestException("The baseline needs the account's id");
        }
        BankAccount account = new BankAccount(body.id());
        account.open(body.accountName().strip(), body.initialAmount(), LocalDateTime.now(ZoneOffset.UTC));
        em.persist(account);
        log(body.id(), 1, "bank.CreateAccount", Json.createObjectBuilder().add("accountName", body.accountName())
                .add("initialAmount", body.initialAmount()).build().toString());
        AccountViewModel view = new AccountViewModel(account.snapshot(), 1);
        em.persist(view);
        return Response.status(Response.Status.CREATED).entity(AccountResponse.of(view)).build();
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
    @Transactional
    public AccountResponse deposit(@PathParam("id") String id, Amount body) {
        valid(body);
        BankAccount account = em.find(BankAccount.class, id, LockModeType.PESSIMISTIC_WRITE);
        AccountViewModel view = em.find(AccountViewModel.class, id);
        if (account == null || view == null) {
            throw new NotFoundException("No account '" + id + "'");
        }
        long sequenceNo = view.getLastSequenceNo() + 1;
        log(id, sequenceNo, "bank.DepositMoney", Json.createObjectBuilder().add("amount", body.amount()).build().toString());
        account.deposit(body.amount());
        view.apply(account.snapshot(), sequenceNo);
        return AccountResponse.of(view);
    }

    private void log(String id, long sequenceNo, String type, String payload) {
        em.persist(new BaselineCommandRow(id, sequenceNo, type, payload, OffsetDateTime.now(ZoneOffset.UTC)));
    }

    private void valid(Object body) {
        if (body == null) {
            throw new BadRequestException("A JSON request body is required");
        }
        var violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }
}
