package io.sourceflow.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.jms.support.TestConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading {@code sourceflow.jms.*}: defaults, lists, the wildcard and invalid values. */
class JmsSettingsTest {

    @Test
    void everyKeyHasADefault() {
        // when
        JmsSettings settings = JmsSettings.from(new TestConfig(Map.of()));

        // then
        assertThat(settings).isEqualTo(JmsSettings.defaults());
        assertThat(settings.connectionFactory()).isEqualTo("jms/sourceflow/ConnectionFactory");
        assertThat(settings.commandQueue()).isEqualTo("jms/sourceflow/commands");
        assertThat(settings.eventTopic()).isEqualTo("jms/sourceflow/events");
        assertThat(settings.routedCommands()).isEmpty();
        assertThat(settings.routedEvents()).isEmpty();
        assertThat(settings.consumer()).isEqualTo("sourceflow");
        assertThat(settings.maxDeliveries()).isEqualTo(3);
        assertThat(settings.maxMessageSize()).isEqualTo(1_048_576);
        assertThat(settings.inboxRetention()).isEqualTo(java.time.Duration.ofDays(7));
        assertThat(settings.deadLetterRetention()).isEqualTo(java.time.Duration.ofDays(30));
        assertThat(settings.trustPrincipal()).as("a received principal is dropped unless the senders are trusted").isFalse();
        assertThat(JmsSettings.from(new TestConfig(Map.of("sourceflow.jms.trust-principal", "true"))).trustPrincipal()).isTrue();
    }

    @Test
    void listsAreTrimmedAndTheWildcardRoutesEveryEvent() {
        // when
        JmsSettings settings = JmsSettings.from(new TestConfig(Map.of(
                "sourceflow.jms.routed-commands", " bank.CreateAccount, ,bank.DepositMoney ",
                "sourceflow.jms.routed-events", "*",
                "sourceflow.jms.command-queue", "sourceflow.commands",
                "sourceflow.jms.max-deliveries", "5")));

        // then
        assertThat(settings.routedCommands()).containsExactlyInAnyOrder("bank.CreateAccount", "bank.DepositMoney");
        assertThat(settings.routesCommandExplicitly("bank.DepositMoney")).isTrue();
        assertThat(settings.routesEvent("anything")).isTrue();
        assertThat(settings.commandQueue()).isEqualTo("sourceflow.commands");
        assertThat(settings.maxDeliveries()).isEqualTo(5);
    }

    @Test
    void invalidValuesNameTheirKey() {
        assertThatThrownBy(() -> JmsSettings.from(new TestConfig(Map.of("sourceflow.jms.max-deliveries", "three"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sourceflow.jms.max-deliveries");
        assertThatThrownBy(() -> JmsSettings.from(new TestConfig(Map.of("sourceflow.jms.max-deliveries", "0"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> JmsSettings.from(new TestConfig(Map.of("sourceflow.jms.inbox-retention", "7 days"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sourceflow.jms.inbox-retention")
                .hasMessageContaining("ISO-8601 duration");
        assertThatThrownBy(() -> JmsSettings.from(new TestConfig(Map.of("sourceflow.jms.dead-letter-retention", "PT0S"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> JmsSettings.from(new TestConfig(Map.of("sourceflow.jms.max-message-size", "0"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sourceflow.jms.max-message-size");
    }

    @Test
    void namesWithASlashOrColonAreJndiNames() {
        assertThat(JmsResources.isJndiName("jms/sourceflow/commands")).isTrue();
        assertThat(JmsResources.isJndiName("java:/jms/queue/commands")).isTrue();
        assertThat(JmsResources.isJndiName("sourceflow.commands")).isFalse();
    }
}
