package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The positions a rebuild keeps: per generation, events left to it, entities it passed. */
class RebuildPositionsTest {

    private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void aPositionOfAnotherGenerationIsDroppedByTheFirstOfTheNext() {
        ViewPositions old = new ViewPositions(Map.of("V acc", new ViewPositions.Position(7, List.of("e")),
                "V@1 acc", new ViewPositions.Position(3, List.of()), "W acc", new ViewPositions.Position(2, List.of())));

        ViewPositions next = old.take("V@2", "acc", 1, "x m").orElseThrow();

        assertThat(next.views()).containsOnlyKeys("V@2 acc", "W acc");
        assertThat(next.of("V@2", "acc")).isEqualTo(new ViewPositions.Position(1, List.of("x m")));
        assertThat(next.take("V@1", "acc", 9, "y m").orElseThrow().views()).as("a later generation is never dropped")
                .containsKeys("V@2 acc", "V@1 acc");
    }

    @Test
    void eventsLeftToTheRebuildAreAPositionBeforeTheFirstCommandThatItsReplayMovesPast() {
        ViewPositions left = ViewPositions.NONE.leave("V@2", "acc").leave("V@2", "acc");

        assertThat(left.of("V@2", "acc")).isEqualTo(new ViewPositions.Position(0, List.of("left 2")));
        assertThat(left.take("V@2", "acc", 1, "c m")).as("the replay takes the entity's first command").isPresent();
        assertThat(left.passed("V@2", "acc", 5).of("V@2", "acc")).isEqualTo(new ViewPositions.Position(5, List.of()));
    }

    @Test
    void aPassedEntityKeepsThePositionItsEventsMade() {
        ViewPositions applied = ViewPositions.NONE.take("V@2", "acc", 4, "a m").orElseThrow();

        assertThat(applied.passed("V@2", "acc", 6)).isSameAs(applied);
    }

    @Test
    void onlyAnOlderEntityNotYetReplayedLeavesItsEventsToTheRebuild() {
        ViewRebuild settling = new ViewRebuild(3, List.of("acc"), null, "o");
        ViewRebuild filling = new ViewRebuild(4, List.of("acc"), START, "o");
        ViewPositions.Position left = new ViewPositions.Position(0, List.of("a m"));
        ViewPositions.Position replayed = new ViewPositions.Position(2, List.of());

        assertThat(settling.leavesToRebuild("acc", 1, null, () -> START.plusSeconds(60))).as("settling: every entity").isTrue();
        assertThat(filling.leavesToRebuild("acc", 2, null, () -> START.minusSeconds(1))).as("older").isTrue();
        assertThat(filling.leavesToRebuild("acc", 3, left, () -> START.minusSeconds(1))).as("older, left before").isTrue();
        assertThat(filling.leavesToRebuild("acc", 2, null, () -> START)).as("younger").isFalse();
        assertThat(filling.leavesToRebuild("acc", 1, null, () -> START.minusSeconds(1))).as("its first command").isFalse();
        assertThat(filling.leavesToRebuild("acc", 3, replayed, () -> START.minusSeconds(1))).as("replayed").isFalse();
        assertThat(filling.leavesToRebuild("other", 3, null, () -> START.minusSeconds(1))).as("a type not rebuilt").isFalse();
        assertThat(ViewRebuild.NONE.leavesToRebuild("acc", 3, null, () -> START)).as("no rebuild").isFalse();
    }
}
