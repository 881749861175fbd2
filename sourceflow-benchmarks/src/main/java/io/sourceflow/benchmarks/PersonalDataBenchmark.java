package io.sourceflow.benchmarks;

import io.sourceflow.DataSubject;
import io.sourceflow.EntityRef;
import io.sourceflow.Personal;
import io.sourceflow.cdi.JsonBindingSerializer;
import io.sourceflow.cdi.SourceFlowExtension;
import io.sourceflow.spi.Serializer;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What crypto-shredding costs the serializer, in one run with the same warm-up: a command written and read back by
 * the plain JSON-B serializer (the baseline), by the container's serializer for a class without personal data (the
 * decorator passing it through), and by the container's serializer for the same command with two personal fields
 * (sealed and opened with AES-GCM, keys in memory).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Benchmark)
public class PersonalDataBenchmark {

    /** A command without personal data. */
    public record OpenPlain(EntityRef entity, String accountName, BigDecimal initialAmount, String holderEmail,
            String holderName) {
    }

    /** The same command with the holder's e-mail and name as personal data of the account. */
    public record OpenPersonal(@DataSubject EntityRef entity, String accountName, BigDecimal initialAmount,
            @Personal String holderEmail, @Personal String holderName) {
    }

    private final JsonBindingSerializer plain = new JsonBindingSerializer();
    private final OpenPlain plainCommand = new OpenPlain(EntityRef.of("a-1").asNew(), "Savings", new BigDecimal("100.00"),
            "jane@example.org", "Jane Roe");
    private final OpenPersonal personalCommand = new OpenPersonal(EntityRef.of("a-1").asNew(), "Savings",
            new BigDecimal("100.00"), "jane@example.org", "Jane Roe");
    private WeldContainer container;
    private Serializer decorated;

    /** Starts a container whose serializer is the decorated one. */
    @Setup
    public void start() {
        container = new Weld().disableDiscovery().addExtension(new SourceFlowExtension())
                .addBeanClasses(Bank.BalanceView.class).initialize();
        decorated = container.select(Serializer.class).get();
    }

    /** Stops it. */
    @TearDown
    public void stop() {
        container.close();
    }

    /** @return the command read back by the plain serializer */
    @Benchmark
    public Object plainSerializer() {
        return plain.deserialize(plain.serialize(plainCommand), OpenPlain.class);
    }

    /** @return the command without personal data read back through the decorator */
    @Benchmark
    public Object decoratedWithoutPersonalData() {
        return decorated.deserialize(decorated.serialize(plainCommand), OpenPlain.class);
    }

    /** @return the command with two personal fields sealed and opened */
    @Benchmark
    public Object decoratedWithPersonalData() {
        return decorated.deserialize(decorated.serialize(personalCommand), OpenPersonal.class);
    }
}
