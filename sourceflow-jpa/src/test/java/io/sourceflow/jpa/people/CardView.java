package io.sourceflow.jpa.people;

import io.sourceflow.Projects;
import io.sourceflow.View;
import io.sourceflow.jpa.people.Members.Card;
import io.sourceflow.jpa.people.Members.MemberChanged;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Projects members onto cards. */
@ApplicationScoped
public class CardView extends View<Card> {

    @Projects
    Card on(MemberChanged changed) {
        return new Card(changed.id(), changed.name(), changed.plan());
    }

    /** A member's card. */
    public Optional<Card> card(String id) {
        return find(id);
    }
}
