package io.sourceflow.cdi.personal;

import io.sourceflow.Command;
import io.sourceflow.DataSubject;
import io.sourceflow.EntityRef;
import io.sourceflow.MessageType;
import io.sourceflow.Personal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Types with personal data, and types that break its rules, for the crypto-shredding tests. */
public final class People {

    private People() {
    }

    /** A command whose entity is its subject. */
    @MessageType("people.OpenAccount")
    public record OpenAccount(@DataSubject EntityRef entity, @Personal String holder, @Personal LocalDate born,
            @Personal Address address, BigDecimal deposit) implements Command {
    }

    /** A value held whole as personal data, or nested with personal fields of its own. */
    public record Address(String city, @Personal String street) {
    }

    /** A customer, its own subject. */
    public record Customer(@DataSubject String id, @Personal String name, String tier) {
    }

    /** A view model holding customers in a list and a map, and an address of the view's own subject. */
    public record Branch(@DataSubject long number, List<Customer> customers, Map<String, Customer> byId,
            Address office, String name) {
    }

    /** A customer whose name became a number: what was written no longer fits. */
    public record RetypedCustomer(@DataSubject String id, @Personal Integer name, String tier) {
    }

    /** Customers under keys that are objects: JSON-B writes such a map as an array of entries. */
    public record Registry(@DataSubject String id, Map<Tag, Customer> customers) {
    }

    /** A map key that is an object. */
    public record Tag(String name) {
    }

    /** Personal data without a subject of its own: only inside an object that names one. */
    public record Note(@Personal String text) {
    }

    /** A primitive cannot be forgotten. */
    public record PrimitiveAge(@DataSubject String id, @Personal int age) {
    }

    /** One subject per class. */
    public record TwoSubjects(@DataSubject String id, @DataSubject String other, @Personal String name) {
    }

    /** A subject is an identifier. */
    public record ListSubject(@DataSubject List<String> ids, @Personal String name) {
    }
}
