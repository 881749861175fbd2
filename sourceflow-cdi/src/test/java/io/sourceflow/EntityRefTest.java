package io.sourceflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules of an entity id, wherever it enters: an {@link EntityRef} and {@link Metadata}. */
class EntityRefTest {

    @Test
    void idsThatFitTheRulesAreKept() {
        assertThat(EntityRef.of("Zoë-\ud83d\ude00").id()).isEqualTo("Zoë-\ud83d\ude00");
        assertThat(EntityRef.of("x".repeat(EntityRef.MAX_LENGTH)).id()).hasSize(255);
        assertThat(EntityRef.of(42L).asLong()).isEqualTo(42L);
        UUID id = UUID.randomUUID();
        assertThat(EntityRef.of(id).asUuid()).isEqualTo(id);
    }

    @Test
    void eachBrokenRuleIsNamedAndTheIdShownEscaped() {
        assertThatThrownBy(() -> EntityRef.of(" ")).hasMessageContaining("is blank");
        assertThatThrownBy(() -> EntityRef.of("x".repeat(256))).hasMessageContaining("has 256 characters, more than 255");
        assertThatThrownBy(() -> EntityRef.of("a\nINFO forged")).isInstanceOf(InvalidEntityIdException.class)
                .hasMessageContaining("'a\\nINFO forged' contains a control character").message().doesNotContain("\n");
        assertThatThrownBy(() -> EntityRef.of("a\u0000b")).hasMessageContaining("a\\u0000b").hasMessageContaining("control");
        assertThatThrownBy(() -> EntityRef.of("a\ud800b")).hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> EntityRef.of((String) null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("entity id");
    }

    @Test
    void metadataHoldsTheSameRules() {
        assertThat(Metadata.create("a-1").entityId()).isEqualTo("a-1");
        assertThat(Metadata.create(null).entityId()).isNull();
        assertThatThrownBy(() -> Metadata.create("a\rb")).hasMessageContaining("control character");
    }
}
