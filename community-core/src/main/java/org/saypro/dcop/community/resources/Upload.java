package org.saypro.dcop.community.resources;

import io.micronaut.http.MediaType;
import io.micronaut.http.multipart.CompletedFileUpload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** An uploaded file as it arrived: the name and type are the uploader's claims, checked against the bytes. */
public record Upload(String fileName, String declaredType, InputStream content) {

  /** The multipart file part, or 400 naming it. The name keeps no directories: it is only ever shown. */
  public static Upload from(CompletedFileUpload file) {
    if (file == null || file.getFilename() == null || file.getFilename().isBlank() || file.getSize() == 0) {
      throw refused("is required: the resource's file");
    }
    String name = file.getFilename().replaceAll("^.*[/\\\\]", "");
    if (name.isEmpty() || name.length() > 200) {
      throw refused("must have a name of 1 to 200 characters");
    }
    try {
      return new Upload(name, file.getContentType().map(MediaType::toString).orElse(null), file.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("the upload could not be read", e);
    }
  }

  private static ProblemException refused(String message) {
    return new ProblemException(ProblemType.INVALID_REQUEST, "the upload is not valid",
        List.of(new FieldError("/file", message)));
  }
}
