package io.sourceflow.artemis.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.artemis.it.Servers.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load run: accounts opened through the three servers, then {@link LoadClient}s sending numbered
 * deposits on threads of their own. Close it in {@code @AfterEach}: a test that failed halfway stops
 * its clients, so the next test class finds quiet servers.
 */
final class Load implements AutoCloseable {

    private final List<String> accounts;
    private final AtomicInteger progress = new AtomicInteger();
    private final AtomicInteger hold = new AtomicInteger(Integer.MAX_VALUE);
    private volatile CountDownLatch released = new CountDownLatch(0);
    private ExecutorService pool;
    private final List<Future<LoadClient.Sent>> clients = new ArrayList<>();

    private Load(List<String> accounts) {
        this.accounts = accounts;
    }

    /** Opens {@code count} accounts named {@code run-0 ...} with 1000 each, in turn through A, B and C. */
    static Load open(String run, int count) {
        List<String> accounts = new ArrayList<>();
        for (int a = 0; a < count; a++) {
            String id = run + "-" + a;
            accounts.add(id);
            Http.Reply opened = Http.postJson(Server.values()[a % 3].uri("/api/accounts"),
                    "{\"id\":\"" + id + "\",\"accountName\":\"Load " + a + "\",\"initialAmount\":1000}");
            assertThat(opened.status()).as("%s", opened).isEqualTo(202);
        }
        return new Load(accounts);
    }

    List<String> accounts() {
        return accounts;
    }

    /** Deposits sent so far, by all clients. */
    int progress() {
        return progress.get();
    }

    /**
     * Holds the clients once they have sent {@code deposits} deposits between them (a few more, as
     * each may be sending one), until {@link #release()}: a fault then still lands while load remains.
     */
    void holdAt(int deposits) {
        released = new CountDownLatch(1);
        hold.set(deposits);
    }

    /** Lets held clients go on. */
    void release() {
        hold.set(Integer.MAX_VALUE);
        released.countDown();
    }

    private void pass() throws InterruptedException {
        if (progress.get() >= hold.get()) {
            released.await();
        }
    }

    /** Starts the clients, each sending {@code deposits} deposits. */
    void start(int clientCount, int deposits) {
        pool = Executors.newFixedThreadPool(clientCount);
        for (int c = 0; c < clientCount; c++) {
            clients.add(pool.submit(new LoadClient(c, accounts, deposits, progress, this::pass)));
        }
    }

    /** Waits for every client to finish; what all of them sent and were answered. */
    LoadClient.Sent finish(long minutes) throws InterruptedException, ExecutionException, TimeoutException {
        List<LoadClient.Sent> sent = new ArrayList<>();
        for (Future<LoadClient.Sent> client : clients) {
            sent.add(client.get(minutes, TimeUnit.MINUTES));
        }
        pool.shutdown();
        return LoadClient.Sent.merge(sent);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
