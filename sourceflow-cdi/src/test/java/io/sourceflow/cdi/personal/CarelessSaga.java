package io.sourceflow.cdi.personal;

import io.sourceflow.Command;
import io.sourceflow.EntityRef;
import io.sourceflow.Handles;
import io.sourceflow.MessageType;
import io.sourceflow.Personal;
import io.sourceflow.Saga;
import jakarta.enterprise.context.ApplicationScoped;

/** A saga whose command has personal data without a subject, and whose entity has a primitive personal field. */
@ApplicationScoped
public class CarelessSaga extends Saga<CarelessSaga.Holder> {

    /** Personal data, but whose? */
    @MessageType("careless.Register")
    public record Register(EntityRef entity, @Personal String name) implements Command {
    }

    /** The entity. */
    public static class Holder {
        @Personal
        public int age;
    }

    @Override
    protected Holder create(EntityRef ref) {
        return new Holder();
    }

    @Handles
    Holder on(Holder holder, Register register) {
        return holder;
    }
}
