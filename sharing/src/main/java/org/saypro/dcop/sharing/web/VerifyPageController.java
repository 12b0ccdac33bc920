package org.saypro.dcop.sharing.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.saypro.dcop.accounts.web.Pages;

/**
 * The employer's verification page: paste or upload anything that carries a credential and get the same report as
 * a credential's own page. No account; nothing brought here is stored.
 */
@Controller("/verify")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Sharing")
class VerifyPageController {

  private final VerifyInputs inputs;
  private final SharedCredentials shared;
  private final Pages pages;
  private final String explorerTx;

  VerifyPageController(VerifyInputs inputs, SharedCredentials shared, Pages pages,
      @Value("${dcop.ledger.explorer-tx-url:}") String explorerTx) {
    this.inputs = inputs;
    this.shared = shared;
    this.pages = pages;
    this.explorerTx = explorerTx;
  }

  @Get(produces = MediaType.TEXT_HTML)
  @Operation(summary = "The verification page; ?credential= verifies what a scanned QR code or a link carried")
  HttpResponse<?> form(@Nullable @QueryValue String credential, HttpRequest<?> request) {
    if (credential == null || credential.isBlank()) {
      return HttpResponse.ok(page(request, null, "", ""));
    }
    return answer(inputs.text(credential, "a scanned code"), credential, request);
  }

  @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
  @Operation(summary = "Verify a pasted credential or an uploaded badge, certificate PDF or QR code image")
  HttpResponse<?> verify(@Nullable @Part("credential") String credential,
                         @Nullable @Part("file") CompletedFileUpload file, HttpRequest<?> request) {
    String pasted = credential == null ? "" : credential;
    if (file != null && file.getSize() > 0) {
      if (file.getSize() > VerifyInputs.MAX_FILE_BYTES) {
        return answer(new Brought.Nothing("The file is larger than 5 MB."), pasted, request);
      }
      byte[] bytes;
      try {
        bytes = file.getBytes();
      } catch (IOException e) {
        return answer(new Brought.Nothing("The upload could not be read; try again."), pasted, request);
      }
      return answer(inputs.file(bytes, file.getFilename()), "", request);
    }
    return answer(inputs.text(pasted, "pasted text"), pasted, request);
  }

  private HttpResponse<?> answer(Brought brought, String pasted, HttpRequest<?> request) {
    if (brought instanceof Brought.Credential found) {
      Map<String, Object> report = ReportView.of(shared.verifyAndCount(found.input()), explorerTx);
      return HttpResponse.ok(page(request, report, "", found.source()));
    }
    return HttpResponse.status(HttpStatus.BAD_REQUEST)
        .body(page(request, null, ((Brought.Nothing) brought).reason(), "", pasted));
  }

  private Object page(HttpRequest<?> request, @Nullable Map<String, Object> report, String error, String source) {
    return page(request, report, error, source, "");
  }

  private Object page(HttpRequest<?> request, @Nullable Map<String, Object> report, String error, String source,
                      String pasted) {
    Map<String, Object> values = new HashMap<>();
    values.put("hasReport", report != null);
    values.put("report", report == null ? Map.of() : report);
    values.put("error", error);
    values.put("source", source);
    values.put("pasted", pasted.length() > VerifyInputs.MAX_TEXT_CHARS ? "" : pasted);
    return pages.view("sharing/verify", request, values);
  }
}
