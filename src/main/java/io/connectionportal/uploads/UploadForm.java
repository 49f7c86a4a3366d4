package io.connectionportal.uploads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.connectionportal.platforms.Category;
import io.connectionportal.shared.FormErrors;
import io.connectionportal.shared.Validation;

/** The upload form as submitted (multipart): the file, and optionally what it is and a short note. */
public class UploadForm {

    static final int NOTE_MAX = 500;

    @RestForm
    public FileUpload file;

    @RestForm
    public String category;

    @RestForm
    public String note;

    public String note() {
        return Validation.trim(note);
    }

    public boolean categoryIs(Category candidate) {
        return candidate.key().equals(category);
    }

    Optional<Category> categoryValue() {
        return Category.fromKey(category);
    }

    /** The original name, sanitised for display. */
    String displayName() {
        return UploadFileName.sanitise(file == null ? null : file.fileName());
    }

    /** The received bytes, wherever the server put them. */
    Path received() {
        return file.uploadedFile();
    }

    /**
     * Checks every field; returns the file's type, told from its content, when the file can be kept.
     * Sizes are those of the bytes the server received, not what the request's headers claim.
     */
    Optional<UploadType> validate(FormErrors errors, UploadMessages msg, long maxSize, String limit)
            throws IOException {
        Optional<UploadType> type = checkFile(errors, msg, maxSize, limit);
        if (category != null && !category.isEmpty() && categoryValue().isEmpty()) {
            errors.add("category", msg.error_category_unknown());
        }
        if (note().length() > NOTE_MAX) {
            errors.add("note", msg.error_note_too_long(NOTE_MAX));
        }
        return errors.any() ? Optional.empty() : type;
    }

    private Optional<UploadType> checkFile(FormErrors errors, UploadMessages msg, long maxSize, String limit)
            throws IOException {
        // A browser with no file chosen still sends the part, with an empty name and no bytes.
        boolean chosen = file != null
                && file.uploadedFile() != null
                && !(isBlank(file.fileName()) && Files.size(file.uploadedFile()) == 0);
        if (!chosen) {
            errors.add("file", msg.error_file_required());
            return Optional.empty();
        }
        long size = Files.size(received());
        if (size == 0) {
            errors.add("file", msg.error_file_empty());
            return Optional.empty();
        }
        if (size > maxSize) {
            errors.add("file", msg.error_file_too_large(limit));
            return Optional.empty();
        }
        Optional<UploadType> type = UploadContent.detect(received());
        if (type.isEmpty()) {
            errors.add("file", msg.error_file_type());
        }
        return type;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
