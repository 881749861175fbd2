package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What a replay clears, once per model, and that replays do not nest on one thread. */
class ReplayedViewsTest {

    private final ReplayedViews replays = new ReplayedViews();

    @Test
    void eachModelIsClearedOnceInAReplayAndNeverOutsideOne() {
        assertThat(replays.clearFirst(String.class, "1")).isFalse();

        replays.begin();
        try {
            assertThat(replays.clearFirst(String.class, "1")).isTrue();
            assertThat(replays.clearFirst(String.class, "1")).isFalse();
            assertThat(replays.clearFirst(Integer.class, "1")).isTrue();
        } finally {
            replays.end();
        }
        assertThat(replays.clearFirst(String.class, "1")).isFalse();
    }

    @Test
    void aReplayInsideAnotherOnTheSameThreadIsRefused() {
        replays.begin();
        try {
            assertThatThrownBy(replays::begin).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("A replay is running on this thread already");
            assertThat(replays.clearFirst(String.class, "1")).as("the outer replay goes on").isTrue();
        } finally {
            replays.end();
        }
    }
}
