package io.sourceflow.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A test entity with a {@code UUID} id and no version. */
@Entity
@Table(name = "uuid_keyed")
public class UuidKeyed {

    @Id
    private UUID id;
    private String label;

    protected UuidKeyed() {
    }

    public UuidKeyed(UUID id, String label) {
        this.id = id;
        this.label = label;
    }

    public UUID getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }
}
