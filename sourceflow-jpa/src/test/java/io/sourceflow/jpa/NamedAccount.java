package io.sourceflow.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row the application writes itself, in a table with a unique column of its own. */
@Entity
@Table(name = "named_account")
public class NamedAccount {

    @Id
    private String id;
    @Column(unique = true, nullable = false)
    private String name;

    protected NamedAccount() {
    }

    public NamedAccount(String id, String name) {
        this.id = id;
        this.name = name;
    }

    public String getName() {
        return name;
    }
}
