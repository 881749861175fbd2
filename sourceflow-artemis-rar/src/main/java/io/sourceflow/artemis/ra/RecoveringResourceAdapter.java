package io.sourceflow.artemis.ra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.ra.ActiveMQResourceAdapter;
import org.apache.activemq.artemis.ra.inflow.ActiveMQActivationSpec;
import org.apache.activemq.artemis.service.extensions.xa.recovery.ActiveMQXAResourceWrapper;
import org.apache.activemq.artemis.service.extensions.xa.recovery.XARecoveryConfig;

/**
 * The Artemis resource adapter with XA recovery of message-driven beans on servers other than
 * WildFly.
 *
 * <p>A transaction manager recovers the branch of a message-driven bean by asking the adapter for
 * the {@link XAResource} of the bean's activation spec ({@link #getXAResources}). Artemis's adapter
 * answers only for the spec object of an active endpoint, and only with the resources of its live
 * sessions. Open Liberty asks with a spec it creates for recovery, so the adapter answers nothing:
 * a branch the broker holds prepared after it restarted under load (a delivery in the middle of its
 * two-phase commit) is never committed, and the bean's queue stops behind the held message.
 *
 * <p>This adapter answers for any Artemis activation spec with a recovery resource that connects to
 * the broker when the transaction manager uses it (the adapter's connector and parameters, without
 * fail-over, so the branch is completed on the broker that holds it), as the spec's user, or the
 * adapter's user when the spec has none. One resource per user is kept and closed when the adapter
 * stops. With {@code UseAutoRecovery=true} (WildFly, whose transaction manager finds the adapter's
 * recovery configuration itself) it behaves as Artemis's adapter.
 */
public class RecoveringResourceAdapter extends ActiveMQResourceAdapter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RecoveringResourceAdapter.class.getName());

    private final transient Map<Credentials, ActiveMQXAResourceWrapper> recoveryResources = new ConcurrentHashMap<>();
    private transient ActiveMQConnectionFactory recoveryFactory;

    /** Creates the adapter; the server configures it through its properties, then starts it. */
    public RecoveringResourceAdapter() {
        super();
    }

    /**
     * The resources that recover the transactions of the given activation specs: one per distinct user.
     *
     * @param specs the activation specs, possibly objects the server created for recovery
     * @return recovery resources connecting on demand; {@code null} with {@code UseAutoRecovery=true}
     * @throws ResourceException if a spec is not an Artemis activation spec
     */
    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) throws ResourceException {
        if (Boolean.TRUE.equals(isUseAutoRecovery())) {
            return super.getXAResources(specs);
        }
        Set<Credentials> users = new LinkedHashSet<>();
        for (ActivationSpec spec : specs) {
            users.add(credentialsOf(spec));
        }
        return users.stream().map(this::recoveryResource).toArray(XAResource[]::new);
    }

    /** Closes the recovery resources, then stops as Artemis's adapter does. */
    @Override
    public void stop() {
        recoveryResources.values().forEach(ActiveMQXAResourceWrapper::close);
        recoveryResources.clear();
        synchronized (this) {
            if (recoveryFactory != null) {
                recoveryFactory.close();
                recoveryFactory = null;
            }
        }
        super.stop();
    }

    private Credentials credentialsOf(ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof ActiveMQActivationSpec artemisSpec)) {
            throw new ResourceException("Not an activation spec of the Artemis adapter: "
                    + (spec == null ? "null" : spec.getClass().getName()));
        }
        String user = artemisSpec.getResourceAdapter() == null ? null : artemisSpec.getUser();
        String password = artemisSpec.getResourceAdapter() == null ? null : artemisSpec.getPassword();
        if (user == null) {
            user = getUserName();
            password = getPassword();
        }
        return new Credentials(user, password);
    }

    private XAResource recoveryResource(Credentials credentials) {
        return recoveryResources.computeIfAbsent(credentials, c -> {
            if (LOG.isLoggable(Level.FINE)) {
                LOG.fine("XA recovery of message-driven beans connects to the broker as "
                        + (c.user() == null ? "no user" : "user " + c.user()));
            }
            return new ActiveMQXAResourceWrapper(XARecoveryConfig.newConfig(recoveryFactory(), c.user(), c.password(),
                    Map.of()));
        });
    }

    private synchronized ActiveMQConnectionFactory recoveryFactory() {
        if (recoveryFactory == null) {
            recoveryFactory = createRecoveryActiveMQConnectionFactory(getProperties());
        }
        return recoveryFactory;
    }

    /** A user and password; the password never appears in {@link #toString()}. */
    private record Credentials(String user, String password) {
        @Override
        public String toString() {
            return "Credentials[" + Objects.toString(user, "no user") + "]";
        }
    }
}
