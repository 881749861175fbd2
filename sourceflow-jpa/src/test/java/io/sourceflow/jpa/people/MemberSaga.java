package io.sourceflow.jpa.people;

import io.sourceflow.EntityRef;
import io.sourceflow.Handles;
import io.sourceflow.Saga;
import io.sourceflow.jpa.people.Members.ChangePlan;
import io.sourceflow.jpa.people.Members.Join;
import io.sourceflow.jpa.people.Members.MemberChanged;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps a member's name, e-mail and plan. */
@ApplicationScoped
public class MemberSaga extends Saga<Member> {

    @Override
    protected Member create(EntityRef ref) {
        Member member = new Member();
        member.setId(ref.id());
        return member;
    }

    @Handles
    Member on(Member member, Join join) {
        member.setName(join.name());
        member.setEmail(join.email());
        member.setPlan(join.plan());
        raise(new MemberChanged(member.getId(), member.getName(), member.getPlan()));
        return member;
    }

    @Handles
    Member on(Member member, ChangePlan change) {
        member.setPlan(change.plan());
        raise(new MemberChanged(member.getId(), member.getName(), member.getPlan()));
        return member;
    }
}
