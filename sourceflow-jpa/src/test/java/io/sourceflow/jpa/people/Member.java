package io.sourceflow.jpa.people;

import io.sourceflow.DataSubject;
import io.sourceflow.Personal;

/** The saga's entity, stored as a document. */
public class Member {

    @DataSubject
    private String id;
    @Personal
    private String name;
    @Personal
    private String email;
    private String plan;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPlan() {
        return plan;
    }

    public void setPlan(String plan) {
        this.plan = plan;
    }
}
