package io.sourceflow.artemis.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** A test class that runs a {@link Load} on the ready topology, and stops its clients whatever happened. */
abstract class UnderLoad {

    /** The test's load; set by the test. */
    Load load;

    @BeforeAll
    static void serversAreReady() {
        Servers.awaitAllReady();
    }

    @AfterEach
    void stopClients() {
        if (load != null) {
            load.close();
        }
    }
}
