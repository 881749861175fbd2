package io.sourceflow.cdi;

import io.sourceflow.Aggregate;
import io.sourceflow.Command;
import io.sourceflow.Event;
import io.sourceflow.Handles;
import io.sourceflow.Message;
import io.sourceflow.Projects;
import io.sourceflow.Saga;
import io.sourceflow.Subscribes;
import io.sourceflow.View;
import java.lang.annotation.Annotation;

/** The three kinds of handler method, with the annotation, base class and message kind of each. */
enum HandlerKind {
    SAGA(Handles.class, Saga.class, Command.class),
    SUBSCRIBER(Subscribes.class, Aggregate.class, Event.class),
    PROJECTION(Projects.class, View.class, Event.class);

    final Class<? extends Annotation> annotation;
    final Class<?> base;
    final Class<? extends Message> messageKind;

    HandlerKind(Class<? extends Annotation> annotation, Class<?> base, Class<? extends Message> messageKind) {
        this.annotation = annotation;
        this.base = base;
        this.messageKind = messageKind;
    }

    String annotationName() {
        return "@" + annotation.getSimpleName();
    }

    /** Whether the handler's own return value is its new state (sagas and views), else void only. */
    boolean returnsState() {
        return this != SUBSCRIBER;
    }
}
