package io.github.lxca.update;

import java.util.Arrays;
import java.util.Optional;

/** The four files of an LXCA update set, in the order LXCA expects them in an import job. */
public enum UpdateFileType {
    CHANGE_HISTORY("chg", "application/octet-stream"),
    PAYLOAD("tgz", "application/x-compressed"),
    README("txt", "text/plain"),
    DESCRIPTOR("xml", "text/xml");

    private final String extension;
    private final String contentType;

    UpdateFileType(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    /** The multipart Content-Type LXCA documents for this kind of file. */
    public String contentType() {
        return contentType;
    }

    public String fileName(String fixId) {
        return fixId + "." + extension;
    }

    public static Optional<UpdateFileType> ofFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String extension = fileName.substring(dot + 1);
        return Arrays.stream(values())
                .filter(t -> t.extension.equals(extension))
                .findFirst();
    }
}
