package io.connectionportal.uploads;

/** The kinds of file the portal accepts instead of a connection (S5), each with the type it is served as. */
public enum UploadType {
    PDF("application/pdf", "pdf"),
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String contentType;
    private final String extension;

    UploadType(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    /** What a download is served as: the detected type, never what the uploading client claimed. */
    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }
}
