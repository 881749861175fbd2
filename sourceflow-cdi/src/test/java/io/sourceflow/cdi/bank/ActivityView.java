package io.sourceflow.cdi.bank;

import io.sourceflow.Event;
import io.sourceflow.Projects;
import io.sourceflow.View;
import jakarta.enterprise.context.ApplicationScoped;

/** Counts every event of an account: a view that a replay would double-count if it did not reset it. */
@ApplicationScoped
public class ActivityView extends View<ActivityView.Activity> {

    public record Activity(int events) {
    }

    @Projects
    Activity on(Activity current, Event event) {
        return new Activity(current == null ? 1 : current.events() + 1);
    }
}
