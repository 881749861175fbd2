package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sourceflow.MessageFormatException;
import io.sourceflow.NewerRevisionException;
import io.sourceflow.UnknownMessageTypeException;
import io.sourceflow.UpcastingException;
import io.sourceflow.cdi.revisions.Revisions;
import io.sourceflow.spi.MessageTypes;
import io.sourceflow.spi.StoredForm;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/** The deployed upcasters bring every older stored form of a type to its current revision. */
@EnableWeld
class UpcastingTest {

    @WeldSetup
    WeldInitiator weld = SourceFlowWeld.initiator(Revisions.TillSaga.class, Revisions.AmountRenamed.class,
            Revisions.ReferenceAdded.class, Revisions.CreditRenamed.class, Revisions.Fragile.class);

    @Inject
    MessageTypes types;

    private final JsonBindingSerializer json = new JsonBindingSerializer();

    @Test
    void aCurrentFormIsReturnedAsItIs() {
        StoredForm stored = new StoredForm("rev.Deposit", 3, "{\"entity\":{\"id\":\"t-1\"},\"amount\":5,\"reference\":\"r\"}");

        assertThat(types.current(stored)).isSameAs(stored);
        assertThat(types.revisionOf(Revisions.Deposit.class)).isEqualTo(3);
    }

    @Test
    void revisionOneGoesThroughEveryStep() {
        // when
        StoredForm current = types.current(new StoredForm("rev.Deposit", 1, "{\"entity\":{\"id\":\"t-1\"},\"amt\":12.50}"));

        // then
        assertThat(current.alias()).isEqualTo("rev.Deposit");
        assertThat(current.revision()).isEqualTo(3);
        assertThat(current.upcasters()).containsExactly(Revisions.AmountRenamed.class.getName(),
                Revisions.ReferenceAdded.class.getName());
        Revisions.Deposit deposit = json.deserialize(current.payload(), Revisions.Deposit.class);
        assertThat(deposit.entity().id()).isEqualTo("t-1");
        assertThat(deposit.amount()).isEqualByComparingTo(new BigDecimal("12.50"));
        assertThat(deposit.reference()).isEqualTo("none");
    }

    @Test
    void aRenamedTypeIsReadUnderItsNewAlias() {
        StoredForm current = types.current(new StoredForm("rev.Credit", 1, "{\"entity\":{\"id\":\"t-2\"},\"value\":7}"));

        assertThat(current.alias()).isEqualTo("rev.Deposit");
        assertThat(current.revision()).isEqualTo(3);
        assertThat(current.provenance()).contains(Revisions.CreditRenamed.class.getName())
                .contains(Revisions.ReferenceAdded.class.getName());
        assertThat(json.deserialize(current.payload(), Revisions.Deposit.class))
                .isEqualTo(new Revisions.Deposit(io.sourceflow.EntityRef.of("t-2"), new BigDecimal("7"), "none"));
    }

    @Test
    void aNewerRevisionIsRefusedNotGuessed() {
        Throwable failure = catchThrowable(() -> types.current(new StoredForm("rev.Deposit", 4, "{\"amount\":1}")));

        assertThat(failure).isInstanceOf(NewerRevisionException.class)
                .hasMessageContaining("revision 4 of 'rev.Deposit' is newer than the revision this application knows, 3");
    }

    @Test
    void anUpcasterThatThrowsIsNamedWithTheAliasAndRevision() {
        Throwable failure = catchThrowable(() -> types.current(new StoredForm("rev.Credit", 2, "{\"poison\":true}")));

        assertThat(failure).isInstanceOf(UpcastingException.class)
                .hasMessageContaining("upcaster " + Revisions.Fragile.class.getName())
                .hasMessageContaining("revision 2 of 'rev.Credit'")
                .hasMessageContaining("cannot read a poisoned credit")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUpcasterThatReturnsNothingIsNamed() {
        Throwable failure = catchThrowable(() -> types.current(new StoredForm("rev.Credit", 2, "{\"null\":1}")));

        assertThat(failure).isInstanceOf(UpcastingException.class)
                .hasMessageContaining(Revisions.Fragile.class.getName()
                        + " (revision 2 of 'rev.Credit' to revision 3 of 'rev.Deposit') returned null");
    }

    @Test
    void anOldFormThatIsNoJsonObjectIsAFormatError() {
        assertThat(catchThrowable(() -> types.current(new StoredForm("rev.Deposit", 1, "[1,2]"))))
                .isInstanceOf(MessageFormatException.class).hasMessageContaining("revision 1 of 'rev.Deposit' is not a JSON object");
        assertThat(catchThrowable(() -> types.current(new StoredForm("rev.Deposit", 1, "{\"amt\":"))))
                .isInstanceOf(MessageFormatException.class).hasMessageContaining("revision 1 of 'rev.Deposit' is not a JSON object");
    }

    @Test
    void anUnknownAliasOrRevisionWithoutUpcasterIsUnknown() {
        assertThat(catchThrowable(() -> types.current(new StoredForm("rev.Nothing", 1, "{}"))))
                .isExactlyInstanceOf(UnknownMessageTypeException.class)
                .hasMessageContaining("no message type is registered under the alias 'rev.Nothing' (revision 1)");
        assertThat(catchThrowable(() -> types.current(new StoredForm("rev.Credit", 3, "{}"))))
                .isExactlyInstanceOf(UnknownMessageTypeException.class);
    }
}
