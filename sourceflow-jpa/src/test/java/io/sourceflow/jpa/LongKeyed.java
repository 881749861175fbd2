package io.sourceflow.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A test entity with a {@code Long} id and a version. */
@Entity
@Table(name = "long_keyed")
public class LongKeyed {

    @Id
    private Long id;
    private String label;
    @Version
    private Long version;

    protected LongKeyed() {
    }

    public LongKeyed(Long id, String label) {
        this.id = id;
        this.label = label;
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public Long getVersion() {
        return version;
    }
}
