package io.sourceflow.jpa.people;

import io.sourceflow.Command;
import io.sourceflow.DataSubject;
import io.sourceflow.EntityRef;
import io.sourceflow.Event;
import io.sourceflow.MessageType;
import io.sourceflow.Personal;

/** A club's members: personal data in commands, events, the saga's entity and a view model. */
public final class Members {

    private Members() {
    }

    /** Joins the club. */
    @MessageType("people.Join")
    public record Join(@DataSubject EntityRef entity, @Personal String name, @Personal String email, String plan)
            implements Command {
    }

    /** Changes the plan. */
    @MessageType("people.ChangePlan")
    public record ChangePlan(EntityRef entity, String plan) implements Command {
    }

    /** A member joined or changed plans. */
    @MessageType("people.MemberChanged")
    public record MemberChanged(@DataSubject String id, @Personal String name, String plan) implements Event {
    }

    /** The view model: a member's card. */
    public record Card(@DataSubject String id, @Personal String name, String plan) {
    }
}
