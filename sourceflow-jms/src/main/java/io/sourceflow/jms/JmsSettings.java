package io.sourceflow.jms;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * The {@code sourceflow.jms.*} configuration, read once from MicroProfile Config. Every key, with
 * its default, is listed in the module's README.
 *
 * <p>A resource name that contains {@code /} or {@code :} is a JNDI name (of an administered
 * object the server binds); any other destination name is the broker's physical name
 * ({@code JMSContext.createQueue}/{@code createTopic}). The connection factory may also be a CDI
 * bean {@code @Named} with exactly the configured name.
 *
 * @param connectionFactory the connection factory's name
 * @param commandQueue the queue routed commands are sent to
 * @param eventTopic the topic routed events are published to
 * @param routedCommands the aliases of the command types sent to the queue; {@code *} routes every
 *     command type that no local saga handles
 * @param routedEvents the aliases of the event types published to the topic; {@code *} routes all
 * @param consumer this application's name: the inbox's consumer name and the sender name carried
 *     by outgoing messages, so that an application skips its own events
 * @param maxDeliveries how many deliveries a failing message gets before it is parked
 * @param retryDelay the first pause before a delivery that failed for a transient reason past
 *     {@code maxDeliveries} fails again (doubling with each further delivery, at most 5 s); such a
 *     message is never parked
 * @param maxMessageSize the largest body a received message may have, in bytes of UTF-8; a larger one
 *     is refused before it is decoded (and parked, its body cut to this size)
 * @param inboxRetention how long the inbox remembers a processed message ({@link Retention}); longer
 *     than any redelivery of it can come (a message redelivered after that is processed again)
 * @param deadLetterRetention how long a dead letter is kept ({@link Retention})
 * @param competingConsumers whether every server of this application consumes the command queue
 *     (competing consumers, ordered per entity by the broker's message groups): commands published
 *     here are sent to the queue even when a local saga handles their type, and are handled by the
 *     server the broker gives their entity; events sent by this application are not skipped on
 *     receipt (its servers share one subscription and one consumer name)
 * @param commandStatuses whether the {@link io.sourceflow.CommandStatus} of each command sent or
 *     received is recorded (accepted when sent; applied, rejected or parked where handled) and, for a
 *     command another application sent, sent back to it on the event topic
 * @param statusRetention how long a command's status is kept ({@link Retention})
 * @param outbox whether a delivery handled without a caller transaction keeps what it sends in the
 *     {@link io.sourceflow.spi.Outbox} (when the application has one, as {@code sourceflow-jpa} gives
 *     it), committed with its work and sent before the message is acknowledged, instead of sending it
 *     in a two-phase commit with the database
 * @param trustPrincipal whether a received message's {@link io.sourceflow.Metadata#principal()} (who published
 *     the command it is or comes from) is kept; only where every connection that can send to these destinations is
 *     authenticated (and encrypted), so that no one can name another caller; otherwise it is dropped on receipt
 */
public record JmsSettings(
        String connectionFactory,
        String commandQueue,
        String eventTopic,
        Set<String> routedCommands,
        Set<String> routedEvents,
        String consumer,
        int maxDeliveries,
        Duration retryDelay,
        int maxMessageSize,
        Duration inboxRetention,
        Duration deadLetterRetention,
        boolean competingConsumers,
        boolean commandStatuses,
        Duration statusRetention,
        boolean outbox,
        boolean trustPrincipal) {

    /** Key prefix. */
    public static final String PREFIX = "sourceflow.jms.";
    /** The wildcard that routes every type. */
    public static final String ALL = "*";

    /**
     * Validates the components and copies the sets.
     *
     * @throws IllegalArgumentException when a name is blank, or {@code maxDeliveries} or
     *     {@code maxMessageSize} is below 1
     */
    public JmsSettings {
        connectionFactory = required("connection-factory", connectionFactory);
        commandQueue = required("command-queue", commandQueue);
        eventTopic = required("event-topic", eventTopic);
        consumer = required("consumer", consumer);
        routedCommands = Set.copyOf(routedCommands);
        routedEvents = Set.copyOf(routedEvents);
        if (maxDeliveries < 1) {
            throw new IllegalArgumentException(PREFIX + "max-deliveries must be at least 1, not " + maxDeliveries);
        }
        positive("retry-delay", retryDelay);
        positive("inbox-retention", inboxRetention);
        positive("dead-letter-retention", deadLetterRetention);
        positive("status-retention", statusRetention);
        if (maxMessageSize < 1) {
            throw new IllegalArgumentException(PREFIX + "max-message-size must be at least 1, not " + maxMessageSize);
        }
    }

    /**
     * The defaults, for an application without MicroProfile Config.
     *
     * @return the settings with every key at its default
     */
    public static JmsSettings defaults() {
        return read(key -> null);
    }

    /**
     * Reads the settings.
     *
     * @param config the application's configuration
     * @return the settings
     * @throws IllegalArgumentException when a value is invalid
     */
    public static JmsSettings from(Config config) {
        Objects.requireNonNull(config, "config");
        return read(key -> config.getOptionalValue(PREFIX + key, String.class).orElse(null));
    }

    private static JmsSettings read(Function<String, String> values) {
        Function<String, String> value = key -> {
            String v = values.apply(key);
            return v == null || v.isBlank() ? null : v.trim();
        };
        return new JmsSettings(
                or(value.apply("connection-factory"), "jms/sourceflow/ConnectionFactory"),
                or(value.apply("command-queue"), "jms/sourceflow/commands"),
                or(value.apply("event-topic"), "jms/sourceflow/events"),
                list(value.apply("routed-commands")),
                list(value.apply("routed-events")),
                or(value.apply("consumer"), "sourceflow"),
                number("max-deliveries", or(value.apply("max-deliveries"), "3")),
                duration("retry-delay", or(value.apply("retry-delay"), "PT0.1S")),
                number("max-message-size", or(value.apply("max-message-size"), "1048576")),
                duration("inbox-retention", or(value.apply("inbox-retention"), "P7D")),
                duration("dead-letter-retention", or(value.apply("dead-letter-retention"), "P30D")),
                bool("competing-consumers", or(value.apply("competing-consumers"), "false")),
                bool("command-statuses", or(value.apply("command-statuses"), "true")),
                duration("status-retention", or(value.apply("status-retention"), "P7D")),
                bool("outbox", or(value.apply("outbox"), "true")),
                bool("trust-principal", or(value.apply("trust-principal"), "false")));
    }

    /**
     * Whether a command alias is routed explicitly (not through {@code *}).
     *
     * @param alias the alias
     * @return {@code true} when it is listed
     */
    public boolean routesCommandExplicitly(String alias) {
        return routedCommands.contains(alias);
    }

    /**
     * Whether an event alias is routed to the topic.
     *
     * @param alias the alias
     * @return {@code true} when it is listed or all events are routed
     */
    public boolean routesEvent(String alias) {
        return routedEvents.contains(ALL) || routedEvents.contains(alias);
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static Set<String> list(String value) {
        if (value == null) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    private static int number(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + key + " must be a whole number, not '" + value + "'", e);
        }
    }

    private static Duration duration(String key, String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(PREFIX + key + " must be an ISO-8601 duration such as P7D or PT12H, not '"
                    + value + "'", e);
        }
    }

    private static void positive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(PREFIX + key + " must be a positive duration, not " + value);
        }
    }

    private static boolean bool(String key, String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException(PREFIX + key + " must be true or false, not '" + value + "'");
    }

    private static String required(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(PREFIX + key + " must not be blank");
        }
        return value;
    }
}
