package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.EntityRef;
import io.sourceflow.MessageFormatException;
import io.sourceflow.SubjectForgottenException;
import io.sourceflow.cdi.personal.People.Address;
import io.sourceflow.cdi.personal.People.Branch;
import io.sourceflow.cdi.personal.People.Customer;
import io.sourceflow.cdi.personal.People.ListSubject;
import io.sourceflow.cdi.personal.People.Note;
import io.sourceflow.cdi.personal.People.OpenAccount;
import io.sourceflow.cdi.personal.People.PrimitiveAge;
import io.sourceflow.cdi.personal.People.Registry;
import io.sourceflow.cdi.personal.People.Tag;
import io.sourceflow.cdi.personal.People.RetypedCustomer;
import io.sourceflow.cdi.personal.People.TwoSubjects;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * Crypto-shredding in the serializer: personal values never in the text, back when read, {@code null}
 * once their subject is forgotten, refused for writing then; nested objects; errors that name the
 * class, field and subject; classes without personal data untouched.
 */
class PersonalDataSerializerTest {

    private final JsonBindingSerializer plain = new JsonBindingSerializer();
    private final InMemorySubjectKeyStore keys = new InMemorySubjectKeyStore();
    private final PersonalDataSerializer serializer = serializer(keys);

    static PersonalDataSerializer serializer(InMemorySubjectKeyStore keys) {
        PersonalDataSerializer serializer = new PersonalDataSerializer() {
        };
        serializer.delegate = new JsonBindingSerializer();
        serializer.keys = keys;
        return serializer;
    }

    private static OpenAccount jane() {
        return new OpenAccount(EntityRef.of("a-1"), "Jane Roe", LocalDate.of(1980, 2, 29),
                new Address("Springfield", "742 Evergreen Terrace"), new BigDecimal("10.50"));
    }

    @Test
    void personalValuesAreNotInTheTextAndComeBackWhenRead() {
        String text = serializer.serialize(jane());

        assertThat(text).doesNotContain("Jane Roe", "1980", "Evergreen", "Springfield")
                .contains("\"sourceflow:personal\"", "\"a-1\"", "10.50");
        assertThat(serializer.deserialize(text, OpenAccount.class)).isEqualTo(jane());
    }

    @Test
    void aForgottenSubjectsValuesReadAsNullAndTheRestStays() {
        String text = serializer.serialize(jane());
        String other = serializer.serialize(new OpenAccount(EntityRef.of("a-2"), "John Doe", null, null, BigDecimal.ONE));

        assertThat(new CdiDataSubjectsProbe(keys).forget("a-1")).isTrue();

        assertThat(serializer.deserialize(text, OpenAccount.class))
                .isEqualTo(new OpenAccount(EntityRef.of("a-1"), null, null, null, new BigDecimal("10.50")));
        assertThat(serializer.deserialize(other, OpenAccount.class).holder()).isEqualTo("John Doe");
        assertThat(keys.isForgotten("a-1")).isTrue();
        assertThat(keys.forget("a-1")).isFalse();
    }

    @Test
    void writingAForgottenSubjectsDataIsRefusedButItsForgottenValuesMayBeWrittenAgain() {
        keys.forget("a-1");

        assertThatThrownBy(() -> serializer.serialize(jane())).isInstanceOf(SubjectForgottenException.class)
                .hasMessage("Cannot write the personal field " + OpenAccount.class.getName()
                        + ".holder: its data subject 'a-1' was forgotten");
        OpenAccount forgotten = new OpenAccount(EntityRef.of("a-1"), null, null, null, BigDecimal.TEN);
        assertThat(serializer.deserialize(serializer.serialize(forgotten), OpenAccount.class)).isEqualTo(forgotten);
    }

    @Test
    void objectsInListsMapsAndFieldsAreSealedWithTheirOwnOrTheEnclosingSubject() {
        Customer ann = new Customer("c-1", "Ann Smith", "gold");
        Customer bob = new Customer("c-2", "Bob Jones", "silver");
        Branch branch = new Branch(7, List.of(ann, bob), Map.of("c-2", bob), new Address("Leeds", "1 Park Row"), "North");

        String text = serializer.serialize(branch);
        assertThat(text).doesNotContain("Ann Smith", "Bob Jones", "Park Row").contains("gold", "Leeds", "North");

        keys.forget("c-2");
        Customer forgottenBob = new Customer("c-2", null, "silver");
        assertThat(serializer.deserialize(text, Branch.class)).isEqualTo(new Branch(7, List.of(ann, forgottenBob),
                Map.of("c-2", forgottenBob), new Address("Leeds", "1 Park Row"), "North"));
        keys.forget("7");
        assertThat(serializer.deserialize(text, Branch.class).office()).isEqualTo(new Address("Leeds", null));
    }

    @Test
    void aHolderWhoseJsonFormIsNotTheExpectedShapeIsRefusedNotWrittenInPlainText() {
        Registry registry = new Registry("r-1", Map.of(new Tag("vip"), new Customer("c-1", "Ann Smith", "x")));

        assertThatThrownBy(() -> serializer.serialize(registry)).isInstanceOf(MessageFormatException.class)
                .hasMessageStartingWith("Cannot seal the personal data of a " + Customer.class.getName() + ": its JSON form is");
    }

    @Test
    void aSealedValueMovedToAnotherSubjectDoesNotDecrypt() {
        serializer.serialize(new Customer("c-2", "Bob Jones", "x"));
        String ann = serializer.serialize(new Customer("c-1", "Ann Smith", "x"));

        assertThatThrownBy(() -> serializer.deserialize(ann.replace("\"c-1\"", "\"c-2\""), Customer.class))
                .isInstanceOf(MessageFormatException.class)
                .hasMessageStartingWith("Cannot read the personal field " + Customer.class.getName()
                        + ".name of data subject 'c-2': it does not decrypt with the subject's key");
    }

    @Test
    void anAlteredOrCutCiphertextDoesNotDecrypt() {
        String ann = serializer.serialize(new Customer("c-1", "Ann Smith", "x"));
        String sealed = ann.replaceAll(".*\"sourceflow:personal\":\"1\\.([^\"]+)\".*", "$1");
        char flipped = sealed.charAt(20) == 'A' ? 'B' : 'A';
        String altered = ann.replace(sealed, sealed.substring(0, 20) + flipped + sealed.substring(21));
        String cut = ann.replace(sealed, sealed.substring(0, 12));

        assertThatThrownBy(() -> serializer.deserialize(altered, Customer.class)).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("does not decrypt with the subject's key");
        assertThatThrownBy(() -> serializer.deserialize(cut, Customer.class)).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("does not decrypt with the subject's key");
    }

    @Test
    void aDecryptedValueThatNoLongerFitsItsFieldIsNotQuotedInTheError() {
        String ann = serializer.serialize(new Customer("c-1", "Ann Smith", "x"));

        assertThatThrownBy(() -> serializer.deserialize(ann, RetypedCustomer.class))
                .isInstanceOf(MessageFormatException.class)
                .hasMessageStartingWith("Cannot read a " + RetypedCustomer.class.getName() + " from JSON once its personal")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Ann"))
                .hasNoCause();
    }

    @Test
    void aSubjectTheKeyStoreNeverKnewIsAnErrorNotAForgottenValue() {
        String text = serializer.serialize(jane());

        assertThatThrownBy(() -> serializer(new InMemorySubjectKeyStore()).deserialize(text, OpenAccount.class))
                .isInstanceOf(MessageFormatException.class)
                .hasMessage("Cannot read the personal field " + OpenAccount.class.getName() + ".holder: the key store has"
                        + " no key for its data subject 'a-1' (was it written by a server with another key store?)");
    }

    @Test
    void personalDataWithoutASubjectIsRefused() {
        assertThatThrownBy(() -> serializer.serialize(new Note("secret")))
                .isInstanceOf(MessageFormatException.class)
                .hasMessageStartingWith("Cannot write the personal field " + Note.class.getName() + ".text: no data subject");
        assertThat(serializer.serialize(new Note(null))).isEqualTo("{}");
    }

    @Test
    void classesBreakingTheRulesAreNamedWithTheirField() {
        assertThatThrownBy(() -> serializer.serialize(new PrimitiveAge("p", 3)))
                .isInstanceOf(MessageFormatException.class)
                .hasMessageContaining(PrimitiveAge.class.getName() + ".age is @Personal but a primitive");
        assertThatThrownBy(() -> serializer.serialize(new TwoSubjects("p", "q", "n")))
                .hasMessageContaining(TwoSubjects.class.getName() + ".other is a second @DataSubject");
        assertThatThrownBy(() -> serializer.deserialize("{}", ListSubject.class))
                .hasMessageContaining(ListSubject.class.getName() + ".ids is a @DataSubject of type java.util.List");
    }

    @Test
    void valuesWrittenBeforeTheFieldWasMarkedPersonalAreReadAsTheyAre() {
        String legacy = "{\"id\":\"c-9\",\"name\":\"Old Name\",\"tier\":\"t\"}";

        assertThat(serializer.deserialize(legacy, Customer.class)).isEqualTo(new Customer("c-9", "Old Name", "t"));
    }

    @Test
    void classesWithoutPersonalDataAreWrittenAsTheSerializerWritesThem() {
        Address address = new Address("Leeds", null);
        Map<String, Integer> map = Map.of("a", 1);

        assertThat(serializer.serialize(map)).isEqualTo(plain.serialize(map));
        assertThat(serializer.serialize(BigDecimal.TEN)).isEqualTo(plain.serialize(BigDecimal.TEN));
        assertThat(serializer.deserialize("{\"city\":\"x\"}", Address.class)).isEqualTo(new Address("x", null));
        assertThat(serializer.serialize(address)).isEqualTo(plain.serialize(address));
    }

    @Property(tries = 200)
    void anyTextRoundTripsAndNeverAppearsInTheOutput(@ForAll @StringLength(min = 6, max = 80) String name) {
        Customer customer = new Customer("c-1", name, "t");

        String text = serializer.serialize(customer);

        assertThat(text).doesNotContain(plain.serialize(name).replace("\"", ""));
        assertThat(serializer.deserialize(text, Customer.class)).isEqualTo(customer);
    }

    /** Forgets through the API bean's code, as an application does. */
    private static final class CdiDataSubjectsProbe extends CdiDataSubjects {
        CdiDataSubjectsProbe(InMemorySubjectKeyStore keys) {
            this.keys = keys;
        }
    }
}
