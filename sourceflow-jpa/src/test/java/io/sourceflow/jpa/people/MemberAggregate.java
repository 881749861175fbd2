package io.sourceflow.jpa.people;

import io.sourceflow.Aggregate;
import io.sourceflow.EntityRef;
import io.sourceflow.jpa.people.Members.ChangePlan;
import io.sourceflow.jpa.people.Members.Join;
import jakarta.enterprise.context.ApplicationScoped;

/** Sends the members' commands and replays them. */
@ApplicationScoped
public class MemberAggregate extends Aggregate<Member> {

    public void join(String id, String name, String email, String plan) {
        send(new Join(EntityRef.of(id).asNew(), name, email, plan));
    }

    public void changePlan(String id, String plan) {
        send(new ChangePlan(EntityRef.of(id), plan));
    }

    public long rebuild(String id) {
        return replay(EntityRef.of(id));
    }
}
