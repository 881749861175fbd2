package io.sourceflow.sample.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while less than 95% of the maximum heap is in use after the last collections. */
@Liveness
@ApplicationScoped
public class HeapLivenessCheck implements HealthCheck {

    private static final double LIMIT = 0.95;

    @Override
    public HealthCheckResponse call() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
        double used = (double) heap.getUsed() / max;
        return HealthCheckResponse.named("heap")
                .status(used < LIMIT)
                .withData("used-mb", heap.getUsed() / (1024 * 1024))
                .withData("max-mb", max / (1024 * 1024))
                .build();
    }
}
