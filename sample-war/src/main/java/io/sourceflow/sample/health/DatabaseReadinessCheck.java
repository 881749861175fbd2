package io.sourceflow.sample.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the data source {@code jdbc/sourceflow} hands out a valid connection. When it does not,
 * the check answers a reference to the server log, where the driver's exception is: its text (hosts,
 * ports, users) is not for whoever can reach the health endpoint.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    private static final int TIMEOUT_SECONDS = 2;
    private static final Logger LOG = Logger.getLogger(DatabaseReadinessCheck.class.getName());

    @Resource(lookup = "jdbc/sourceflow")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(TIMEOUT_SECONDS);
            return HealthCheckResponse.named("database")
                    .status(valid)
                    .withData("product", connection.getMetaData().getDatabaseProductName())
                    .build();
        } catch (SQLException e) {
            String reference = UUID.randomUUID().toString();
            LOG.log(Level.WARNING, e, () -> "The database is not ready; reference " + reference);
            return HealthCheckResponse.named("database")
                    .down()
                    .withData("error", "no valid connection; reference " + reference + " in the server log")
                    .build();
        }
    }
}
