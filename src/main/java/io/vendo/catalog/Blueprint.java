package io.vendo.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** Something requestable. Its templates live in immutable {@link BlueprintVersion}s. */
@Entity
@Table(name = "blueprint")
class Blueprint {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, updatable = false)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private BlueprintKind kind;

    @Column(nullable = false)
    private String owner;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Blueprint() {}

    Blueprint(String slug, String name, String description, BlueprintKind kind, String owner, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.slug = slug;
        this.name = name;
        this.description = description;
        this.kind = kind;
        this.owner = owner;
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    String slug() {
        return slug;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    BlueprintKind kind() {
        return kind;
    }

    String owner() {
        return owner;
    }
}
