package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.DataSubjects;
import io.sourceflow.EntityRef;
import io.sourceflow.cdi.personal.People.OpenAccount;
import io.sourceflow.spi.Serializer;
import io.sourceflow.spi.SubjectKeyStore;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/** The container's serializer is the crypto-shredding one, and DataSubjects forgets through its key store. */
@EnableWeld
class PersonalDataBeansTest {

    @WeldSetup
    WeldInitiator weld = SourceFlowWeld.initiator(io.sourceflow.cdi.bank.AccountView.class);

    @Inject
    Serializer serializer;
    @Inject
    DataSubjects subjects;
    @Inject
    SubjectKeyStore keys;

    @Test
    void theInjectedSerializerSealsPersonalFieldsAndForgettingNullsThem() {
        OpenAccount jane = new OpenAccount(EntityRef.of("a-1"), "Jane Roe", null, null, BigDecimal.ONE);

        String text = serializer.serialize(jane);
        assertThat(text).doesNotContain("Jane Roe");
        assertThat(serializer.deserialize(text, OpenAccount.class)).isEqualTo(jane);
        assertThat(keys).isInstanceOf(InMemorySubjectKeyStore.class);

        assertThat(subjects.forget("a-1")).isTrue();
        assertThat(subjects.isForgotten("a-1")).isTrue();
        assertThat(serializer.deserialize(text, OpenAccount.class).holder()).isNull();
    }
}
