package io.connectionportal.uploads;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import io.connectionportal.platforms.Category;
import io.connectionportal.shared.User;

/**
 * A file a company sent instead of connecting a platform (S5). Its bytes are in the {@link UploadStore} (the database's
 * {@code upload_bytes} by default); the name the file had on the uploader's computer is only shown.
 */
@Entity
@Table(name = "upload")
public class Upload extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "company_id", nullable = false, updatable = false)
    public long companyId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    public User uploadedBy;

    /** A random UUID: the only name the file has on disk, with the disk store. */
    @Column(name = "stored_name", nullable = false, updatable = false, length = 36)
    public String storedName;

    @Column(name = "original_name", nullable = false, length = UploadFileName.MAX)
    public String originalName;

    @Enumerated(EnumType.STRING)
    @Column(name = "file_type", nullable = false, length = 10)
    public UploadType type;

    @Column(name = "size_bytes", nullable = false)
    public long size;

    /** SHA-256 of the content, hex: proves later which bytes were received. */
    @Column(nullable = false, length = 64)
    public String sha256;

    /** Category key, or null when the uploader did not say. */
    @Column(length = 20)
    public String category;

    @Column(length = UploadForm.NOTE_MAX)
    public String note;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    public Optional<Category> categoryValue() {
        return Category.fromKey(category);
    }

    public String downloadName() {
        return UploadFileName.forDownload(originalName, type);
    }
}
