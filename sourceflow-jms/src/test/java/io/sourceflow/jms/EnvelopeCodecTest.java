package io.sourceflow.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.MessageFormatException;
import io.sourceflow.Metadata;
import io.sourceflow.UnknownMessageTypeException;
import io.sourceflow.cdi.bank.BankAccount;
import io.sourceflow.cdi.bank.Commands.CreateAccount;
import io.sourceflow.cdi.bank.Commands.DepositMoney;
import io.sourceflow.cdi.bank.Events.AccountUpdated;
import io.sourceflow.jms.support.TestMessageTypes;
import io.sourceflow.cdi.JsonBindingSerializer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON envelope on the wire: round trips, and what a bad body is told. */
class EnvelopeCodecTest {

    final EnvelopeCodec codec = new EnvelopeCodec(new JsonBindingSerializer(),
            new TestMessageTypes(List.of(CreateAccount.class, DepositMoney.class, AccountUpdated.class)));

    @Test
    void aCommandRoundTripsWithItsMetadata() {
        // given
        Metadata metadata = Metadata.create("a-1").withSequenceNo(7).withProperties(Map.of("tenant", "t-1"));
        Envelope<CreateAccount> sent = new Envelope<>(
                new CreateAccount(EntityRef.of("a-1").asNew(), "Ann \"A\"", new BigDecimal("10.50")), metadata);

        // when
        String body = codec.encode(sent);
        EnvelopeCodec.Head head = codec.head(body);
        Envelope<?> received = codec.envelope(head);

        // then
        assertThat(body).startsWith("{\"kind\":\"command\",\"type\":\"bank.CreateAccount\",\"revision\":1,\"metadata\":{");
        assertThat(head.alias()).isEqualTo("bank.CreateAccount");
        assertThat(head.isEvent()).isFalse();
        assertThat(received).isEqualTo(sent);
        assertThat(((CreateAccount) received.message()).initialAmount()).hasToString("10.50");
    }

    @Test
    void anEventRoundTrips() {
        // given
        BankAccount account = new BankAccount();
        account.setId("a-2");
        account.setBalance(new BigDecimal("3.00"));
        Envelope<AccountUpdated> sent = new Envelope<>(new AccountUpdated(account.snapshot()), Metadata.create("a-2"));

        // when
        Envelope<?> received = codec.envelope(codec.head(codec.encode(sent)));

        // then
        assertThat(received).isEqualTo(sent);
        assertThat(codec.head(codec.encode(sent)).isEvent()).isTrue();
    }

    @Test
    void anUnknownAliasIsReportedWithTheMessageId() {
        // given
        Metadata metadata = Metadata.create("a-3");
        String body = "{\"payload\":{},\"type\":\"bank.Unknown\",\"metadata\":" + new JsonBindingSerializer().serialize(metadata)
                + ",\"kind\":\"command\"}";

        // when
        EnvelopeCodec.Head head = codec.head(body);

        // then
        assertThat(head.metadata()).isEqualTo(metadata);
        assertThatThrownBy(() -> codec.envelope(head)).isInstanceOf(UnknownMessageTypeException.class)
                .hasMessageContaining(metadata.messageId().toString()).hasMessageContaining("bank.Unknown");
    }

    @Test
    void aPayloadThatDoesNotFitOrAWrongKindIsAFormatError() {
        // given
        String metadata = new JsonBindingSerializer().serialize(Metadata.create("a-4"));
        String badAmount = "{\"kind\":\"command\",\"type\":\"bank.DepositMoney\",\"metadata\":" + metadata
                + ",\"payload\":{\"amount\":\"lots\"}}";
        String wrongKind = "{\"kind\":\"event\",\"type\":\"bank.DepositMoney\",\"metadata\":" + metadata
                + ",\"payload\":{}}";

        // then
        assertThatThrownBy(() -> codec.envelope(codec.head(badAmount))).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("does not fit");
        assertThatThrownBy(() -> codec.envelope(codec.head(wrongKind))).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("not a event");
        assertThatThrownBy(() -> codec.head("{\"kind\":\"command\"}")).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("'metadata'");
        assertThatThrownBy(() -> codec.head("{\"kind\":\"query\"}")).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> codec.head("not json")).isInstanceOf(MessageFormatException.class);
    }
}
