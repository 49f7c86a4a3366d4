package io.connectionportal.support;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A request for help (P7). Company and user are set when the sender was signed in. */
@Entity
@Table(name = "support_request")
public class SupportRequest extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "company_id")
    public Long companyId;

    @Column(name = "user_id")
    public Long userId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String email;

    @Column(nullable = false)
    public String topic;

    @Column(nullable = false, length = 4000)
    public String message;

    @Column(name = "from_page")
    public String fromPage;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The topic as the enum, for its translated label; empty for a key no longer offered. */
    public Optional<SupportTopic> knownTopic() {
        return SupportTopic.fromKey(topic);
    }
}
