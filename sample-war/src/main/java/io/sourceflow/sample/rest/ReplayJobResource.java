package io.sourceflow.sample.rest;

import io.sourceflow.EntityNotFoundException;
import io.sourceflow.ViewRebuilds;
import io.sourceflow.batch.ReplayJobs;
import io.sourceflow.sample.account.BankAccount;
import io.sourceflow.spi.SafeText;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.JobSecurityException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The replay job ({@code sourceflow-replay}) over the accounts, over REST:
 *
 * <pre>
 * GET  /api/replay-jobs                                     the newest executions, newest first
 * POST /api/replay-jobs                  {"partitions": 2}   starts one: 202 with its progress
 * POST /api/replay-jobs   {"partitions": 2, "views": ["io.example.SomeView"]}
 *                                          rebuilds those views alone (mode views): 202 with its progress
 * GET  /api/replay-jobs/{execution}                          its progress: status, accounts done and total
 * POST /api/replay-jobs/{execution}/stop                     asks it to stop after its current chunks
 * POST /api/replay-jobs/{execution}/restart                  goes on from its last checkpoints: a new execution
 * </pre>
 *
 * Role {@value Roles#ADMIN} only.
 */
@Path("replay-jobs")
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = SampleApplication.BEARER)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReplayJobResource {

    @Inject
    ReplayJobs jobs;

    @Inject
    ViewRebuilds rebuilds;

    /**
     * Starts a replay of every account: of the accounts and every view, or of the named views alone.
     *
     * @param body how many partitions (1 to 64) and which views, or no body for 1 and a full replay
     * @return 202 with the execution's progress
     */
    @POST
    public Response start(Start body) {
        int partitions = body == null || body.partitions() == null ? 1 : body.partitions();
        if (partitions < 1 || partitions > 64) {
            throw new WebApplicationException("partitions is 1 to 64, not " + partitions, Response.Status.BAD_REQUEST);
        }
        Set<Class<?>> views = views(body == null || body.views() == null ? List.of() : body.views());
        return accepted(() -> views.isEmpty() ? jobs.start(BankAccount.class, partitions)
                : jobs.rebuild(List.of(BankAccount.class), partitions, views), 0);
    }

    /** The view classes named, each a view of this application. */
    private Set<Class<?>> views(List<String> names) {
        Map<String, Class<?>> known = new HashMap<>();
        rebuilds.views().forEach(view -> known.put(view.getName(), view));
        Set<Class<?>> views = new LinkedHashSet<>();
        for (String name : names) {
            Class<?> view = known.get(name == null ? "" : name.strip());
            if (view == null) {
                throw new WebApplicationException("views: '" + SafeText.forLog(String.valueOf(name)) + "' is not a view of this"
                        + " application; its views are " + new TreeSet<>(known.keySet()), Response.Status.BAD_REQUEST);
            }
            views.add(view);
        }
        return views;
    }

    /**
     * The newest executions, newest first (the last one of each of the 20 newest job instances).
     *
     * @return their progress
     */
    @GET
    public List<ReplayJobs.Progress> recent() {
        try {
            return jobs.recent(20);
        } catch (JobSecurityException e) {
            throw refused(e);
        }
    }

    /**
     * One execution's progress.
     *
     * @param execution its id
     * @return status, accounts done and total
     */
    @GET
    @Path("{execution}")
    public ReplayJobs.Progress get(@PathParam("execution") long execution) {
        try {
            return jobs.progress(execution);
        } catch (NoSuchJobExecutionException e) {
            throw new EntityNotFoundException("Replay job execution " + execution + " does not exist", e);
        } catch (JobSecurityException e) {
            throw refused(e);
        }
    }

    /**
     * Asks an execution to stop after the chunks it is in.
     *
     * @param execution its id
     * @return 202 with its progress
     */
    @POST
    @Path("{execution}/stop")
    public Response stop(@PathParam("execution") long execution) {
        return accepted(() -> {
            jobs.stop(execution);
            return execution;
        }, execution);
    }

    /**
     * Restarts a failed or stopped execution from its partitions' last checkpoints.
     *
     * @param execution its id
     * @return 202 with the new execution's progress
     */
    @POST
    @Path("{execution}/restart")
    public Response restart(@PathParam("execution") long execution) {
        return accepted(() -> jobs.restart(execution), execution);
    }

    private Response accepted(LongSupplier action, long execution) {
        long next;
        try {
            next = action.getAsLong();
        } catch (NoSuchJobExecutionException e) {
            throw new EntityNotFoundException("Replay job execution " + execution + " does not exist", e);
        } catch (JobRestartException | JobExecutionNotRunningException e) {
            throw new WebApplicationException("Execution " + execution + " cannot do that now: only the last execution of a"
                    + " failed or stopped job restarts, and only a running one stops", e, Response.Status.CONFLICT);
        } catch (JobSecurityException e) {
            throw refused(e);
        }
        return Response.accepted(get(next)).build();
    }

    /** The batch runtime's own authorization refused the caller, whom the API let in as an operator. */
    private static WebApplicationException refused(JobSecurityException e) {
        return new WebApplicationException("The server's batch runtime refused this caller: it needs a batch role there"
                + " (on Open Liberty, authorization-roles com.ibm.ws.batch in server.xml)", e, Response.Status.FORBIDDEN);
    }

    /**
     * How to run a replay.
     *
     * @param partitions how many partitions replay at once, 1 to 64
     * @param views the class names of the views to rebuild alone; none for a full replay
     */
    public record Start(Integer partitions, List<String> views) {
    }
}
