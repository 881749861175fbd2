package io.sourceflow.twoservers.probe;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Sends the request body, as is, as a text message to the command queue, {@code copies} times, in
 * one JTA transaction:
 *
 * <pre>
 * POST /sourceflow-probe/probe/commands?group=a-1&amp;copies=2   (text/plain body)
 * </pre>
 */
@Path("commands")
@RequestScoped
public class CommandQueueProbe {

    @Resource(lookup = "jms/sourceflow/ConnectionFactory")
    ConnectionFactory factory;

    @Resource(lookup = "jms/sourceflow/commands")
    Queue commands;

    /**
     * Sends the body.
     *
     * @param body the message text, sent unchanged
     * @param group the {@code JMSXGroupID}, if any
     * @param copies how many identical messages to send; 1 by default
     * @return 204 once the transaction committed
     */
    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Transactional
    public Response send(String body, @QueryParam("group") String group, @QueryParam("copies") Integer copies) {
        try (JMSContext context = factory.createContext()) {
            JMSProducer producer = context.createProducer();
            if (group != null) {
                producer.setProperty("JMSXGroupID", group);
            }
            for (int i = 0; i < (copies == null ? 1 : copies); i++) {
                producer.send(commands, body);
            }
        }
        return Response.noContent().build();
    }
}
