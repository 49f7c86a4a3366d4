package io.connectionportal.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import org.jboss.resteasy.reactive.RestPath;

import io.connectionportal.platforms.Category;
import io.connectionportal.shared.Flash;
import io.connectionportal.shared.FormErrors;
import io.connectionportal.shared.PortalConfig;

/**
 * "Can't find your platform?" (S5): send PDF, CSV or Excel files instead of connecting, see the
 * company's files and download them again.
 */
@jakarta.ws.rs.Path("/connect/upload")
@Authenticated
class UploadResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(
                UploadForm form,
                FormErrors errors,
                List<Category> categories,
                List<UploadRow> files,
                String limit,
                int noteMax);
    }

    /** An upload as listed, with its size already in the reader's units. */
    public record UploadRow(Upload upload, String size) {}

    private final Uploads uploads;
    private final UploadTexts texts;
    private final long maxSize;

    private final Flash flash;

    UploadResource(Uploads uploads, UploadTexts texts, PortalConfig config, Flash flash) {
        this.flash = flash;
        this.uploads = uploads;
        this.texts = texts;
        this.maxSize = config.uploads().maxSize();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return page(new UploadForm(), FormErrors.none());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response upload(@BeanParam UploadForm form) throws IOException {
        FormErrors errors = new FormErrors();
        Optional<UploadType> type = form.validate(errors, texts.messages(), maxSize, texts.size(maxSize));
        if (type.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(form, errors))
                    .build();
        }
        try {
            uploads.save(form.received(), type.get(), form.displayName(), form.categoryValue(), form.note());
        } catch (Uploads.OverQuota full) {
            errors.add("file", texts.messages().error_quota_reached(full.files, texts.size(full.bytes)));
            return Response.status(Response.Status.CONFLICT)
                    .entity(page(form, errors))
                    .build();
        }
        return Response.seeOther(URI.create("/connect/upload"))
                .cookie(flash.next(UploadNotice.UPLOAD_RECEIVED))
                .build();
    }

    /**
     * The company's own file, as the type it was detected as, always as a download. Browsers are told
     * not to sniff it by the {@code X-Content-Type-Options: nosniff} that application.properties puts
     * on every response; adding it here too would send it twice.
     */
    @GET
    @jakarta.ws.rs.Path("{id: [0-9]{1,18}}")
    public Response download(@RestPath long id) throws IOException {
        Upload upload = uploads.find(id).orElseThrow(NotFoundException::new);
        InputStream content = uploads.open(upload).orElseThrow(() -> {
            // The row says the bytes exist; their absence is for operators to look into, not for the user to see.
            Log.warnf("Upload %d has no stored bytes", upload.id);
            return new NotFoundException();
        });
        return Response.ok(content)
                .type(upload.type.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, UploadFileName.contentDisposition(upload.downloadName()))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .build();
    }

    private TemplateInstance page(UploadForm form, FormErrors errors) {
        List<UploadRow> rows = uploads.list().stream()
                .map(u -> new UploadRow(u, texts.size(u.size)))
                .toList();
        return Templates.upload(
                form, errors, List.of(Category.values()), rows, texts.size(maxSize), UploadForm.NOTE_MAX);
    }
}
