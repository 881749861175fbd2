package io.sourceflow.spi;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Outside text made safe for a log line and for a column, whatever it holds. */
class SafeTextTest {

    @Property
    void aLogLineNeverHoldsAControlCharacterOrAnUnpairedSurrogate(@ForAll String raw) {
        String shown = SafeText.forLog(raw);

        assertThat(shown.chars()).noneMatch(Character::isISOControl);
        assertThat(SafeText.isWellFormed(shown)).isTrue();
        assertThat(shown.length()).isLessThanOrEqualTo(6 * SafeText.LOG_LENGTH + 40);
    }

    @Property
    void aStoredValueFitsItsColumnWithoutNulOrUnpairedSurrogate(@ForAll String raw, @ForAll @IntRange(min = 1, max = 50) int max) {
        String stored = SafeText.storable(raw, max);

        assertThat(stored.length()).isLessThanOrEqualTo(max);
        assertThat(stored).doesNotContain("\u0000");
        assertThat(SafeText.isWellFormed(stored)).isTrue();
    }

    @Test
    void escapesWhatWouldForgeALineAndCutsLongText() {
        assertThat(SafeText.forLog("a\nb\r\tc\u0000d")).isEqualTo("a\\nb\\r\\tc\\u0000d");
        assertThat(SafeText.forLog("x\ud800y")).isEqualTo("x\\ud800y");
        assertThat(SafeText.forLog("\ud83d\ude00")).isEqualTo("\ud83d\ude00");
        assertThat(SafeText.forLog("z".repeat(SafeText.LOG_LENGTH + 5))).endsWith("...(5 more characters)");
        assertThat(SafeText.forLog(null)).isEqualTo("null");
    }

    @Test
    void keepsWellFormedTextAsItIs() {
        String text = "Zoë \ud83d\ude00 \u20ac";

        assertThat(SafeText.storable(text, 100)).isSameAs(text);
        assertThat(SafeText.storable("a\u0000b\udc00", 100)).isEqualTo("a\ufffdb\ufffd");
        assertThat(SafeText.storable("ab\ud83d\ude00", 3)).as("no half pair at the cut").isEqualTo("ab");
    }
}
