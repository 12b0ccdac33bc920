package org.saypro.dcop.sharing.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.saypro.dcop.accounts.web.Pages;
import org.saypro.dcop.core.model.Credential;
import org.saypro.dcop.core.verify.VerificationReport;
import org.saypro.dcop.issuer.config.IssuerSettings;
import org.saypro.dcop.sharing.CredentialText;
import org.saypro.dcop.sharing.baking.Baking;
import org.saypro.dcop.sharing.baking.DefaultBadge;
import org.saypro.dcop.sharing.baking.PngBaker;
import org.saypro.dcop.sharing.baking.SvgBaker;
import org.saypro.dcop.sharing.pdf.CertificateContent;
import org.saypro.dcop.sharing.pdf.CertificateMark;
import org.saypro.dcop.sharing.pdf.CertificatePdf;
import org.saypro.dcop.sharing.qr.QrEncoding;
import org.saypro.dcop.sharing.qr.QrForm;
import org.saypro.dcop.sharing.qr.QrPng;
import org.saypro.dcop.sharing.qr.QrSvg;
import org.saypro.dcop.sharing.qr.QrSymbol;
import org.saypro.dcop.sharing.qr.ZxingQrEncoder;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/**
 * A credential's public page and its downloads, for {@code ${DCOP_PUBLIC_URL}/credentials/<uuid>} at
 * {@code /c/<uuid>}: what was achieved, by whom, from whom, the verification result check by check, and the QR codes,
 * PDF certificate, baked badges and the signed credential. No account needed; the holder decides how much shows.
 */
@Controller("/c/{uuid}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Sharing")
class PublicCredentialController {

  private static final int QR_MODULE_PIXELS = 8;
  private static final MediaType PNG = MediaType.IMAGE_PNG_TYPE;
  private static final MediaType SVG = MediaType.of("image/svg+xml");
  private static final MediaType PDF = MediaType.of("application/pdf");

  private final SharedCredentials shared;
  private final OfflineForms offline;
  private final Pages pages;
  private final IssuerSettings settings;
  private final String explorerTx;

  PublicCredentialController(SharedCredentials shared, OfflineForms offline, Pages pages, IssuerSettings settings,
      @Value("${dcop.ledger.explorer-tx-url:}") String explorerTx) {
    this.shared = shared;
    this.offline = offline;
    this.pages = pages;
    this.settings = settings;
    this.explorerTx = explorerTx;
  }

  @Get(produces = MediaType.TEXT_HTML)
  @Operation(summary = "A credential's public page", description = "Server-rendered, works without JavaScript.")
  HttpResponse<?> page(String uuid, HttpRequest<?> request) {
    SharedCredentials.Shared credential = find(uuid);
    shared.viewed(credential.stored().uuid());
    VerificationReport report = shared.verify(credential.stored());
    boolean full = credential.sharing().visibility() == Visibility.PUBLIC;
    Map<String, Object> reportModel = ReportView.of(report, explorerTx);
    @SuppressWarnings("unchecked")
    Map<String, Object> c = (Map<String, Object>) reportModel.get("credential");
    String pageUrl = pageUrl(uuid);
    Map<String, Object> values = new HashMap<>();
    values.put("title", full ? String.valueOf(c.getOrDefault("title", "Credential")) : "A credential");
    values.put("full", full && report.credential().isPresent());
    values.put("c", c);
    values.put("report", reportModel);
    values.put("base", "/c/" + uuid);
    values.put("pageUrl", pageUrl);
    values.put("jwt", credential.jwt());
    values.put("offline", credential.jwt() && report.credential().map(Credential::isOpenBadge).orElse(false));
    values.put("linkedIn", linkedIn(c, report, pageUrl, uuid));
    values.put("embed", "<a href=\"" + pageUrl + "\"><img src=\"" + pageUrl + "/badge.png\" alt=\""
        + attribute(String.valueOf(c.getOrDefault("title", "Credential"))) + "\" width=\"120\"></a>");
    return HttpResponse.ok(pages.view("sharing/credential", request, values));
  }

  @Get(uri = "/qr.png", produces = "image/png")
  @Operation(summary = "QR code of the page's address, PNG")
  HttpResponse<byte[]> qrPng(String uuid) {
    find(uuid);
    return HttpResponse.ok(QrPng.render(symbol(pageUrl(uuid), QrForm.PAGE_LINK), QR_MODULE_PIXELS)).contentType(PNG);
  }

  @Get(uri = "/qr.svg", produces = "image/svg+xml")
  @Operation(summary = "QR code of the page's address, SVG")
  HttpResponse<String> qrSvg(String uuid) {
    find(uuid);
    return HttpResponse.ok(QrSvg.render(symbol(pageUrl(uuid), QrForm.PAGE_LINK), 4)).contentType(SVG);
  }

  @Get(uri = "/offline-qr.png", produces = "image/png")
  @Operation(summary = "QR code carrying the signed minimal credential itself (verifies without network)")
  HttpResponse<byte[]> offlineQr(String uuid) {
    SharedCredentials.Shared credential = publicOnly(find(uuid));
    Credential full = shared.verify(credential.stored()).credential().orElseThrow(() ->
        new ProblemException(ProblemType.NOT_FOUND, "this credential cannot be read"));
    String text = offline.of(full).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
        "this credential has no offline form: only Open Badges issued here whose minimal form fits a QR code"));
    return HttpResponse.ok(QrPng.render(symbol(text, QrForm.OFFLINE_CREDENTIAL), 4)).contentType(PNG);
  }

  @Get(uri = "/credential", produces = {"application/vc+jwt", MediaType.APPLICATION_JSON})
  @Operation(summary = "The signed credential: the vc+jwt, or the JSON of a Data Integrity credential")
  HttpResponse<String> raw(String uuid) {
    SharedCredentials.Shared credential = publicOnly(find(uuid));
    return download(HttpResponse.ok(credential.stored().securedForm()), credential.jwt()
        ? MediaType.of("application/vc+jwt") : MediaType.APPLICATION_JSON_TYPE,
        "credential-" + uuid + (credential.jwt() ? ".jwt" : ".json"));
  }

  @Get(uri = "/certificate.pdf", produces = "application/pdf")
  @Operation(summary = "PDF certificate with the QR code, the address, a mark when revoked, suspended or expired")
  HttpResponse<byte[]> certificate(String uuid) {
    SharedCredentials.Shared credential = publicOnly(find(uuid));
    VerificationReport report = shared.verify(credential.stored());
    Credential full = report.credential().orElseThrow(() ->
        new ProblemException(ProblemType.NOT_FOUND, "this credential cannot be read"));
    Map<String, Object> c = ReportView.credential(full);
    CertificateContent content = new CertificateContent(
        String.valueOf(c.get("title")), Optional.of(String.valueOf(c.get("recipient"))).filter(n -> !n.isBlank()),
        String.valueOf(c.get("issuerName")),
        full.validFrom().orElse(credential.stored().issuedAt()).atZone(ZoneOffset.UTC).toLocalDate(),
        full.validUntil().map(u -> LocalDate.ofInstant(u, ZoneOffset.UTC)), pageUrl(uuid),
        ReportView.mark(report).map(CertificateMark::valueOf).orElse(CertificateMark.NONE), text(credential));
    return download(HttpResponse.ok(CertificatePdf.render(content)), PDF, "certificate-" + uuid + ".pdf");
  }

  @Get(uri = "/badge.png", produces = "image/png")
  @Operation(summary = "Open Badges 3.0 baked PNG: the credential in an iTXt chunk openbadgecredential")
  HttpResponse<byte[]> badgePng(String uuid) {
    SharedCredentials.Shared credential = publicOnly(find(uuid));
    return download(HttpResponse.ok(baked(PngBaker.bake(DefaultBadge.png(), text(credential)))), PNG,
        "badge-" + uuid + ".png");
  }

  @Get(uri = "/badge.svg", produces = "image/svg+xml")
  @Operation(summary = "Open Badges 3.0 baked SVG: the credential in an openbadges:credential element")
  HttpResponse<byte[]> badgeSvg(String uuid) {
    SharedCredentials.Shared credential = publicOnly(find(uuid));
    return download(HttpResponse.ok(baked(SvgBaker.bake(DefaultBadge.svg(), text(credential)))), SVG,
        "badge-" + uuid + ".svg");
  }

  private SharedCredentials.Shared find(String uuid) {
    return shared.find(uuid).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
        "there is no credential with this address, or its holder does not share it"));
  }

  /** Downloads carry the credential itself: only for credentials their holder shows in full. */
  private static SharedCredentials.Shared publicOnly(SharedCredentials.Shared credential) {
    if (credential.sharing().visibility() != Visibility.PUBLIC) {
      throw new ProblemException(ProblemType.NOT_FOUND, "its holder shares only whether this credential is valid");
    }
    return credential;
  }

  private String pageUrl(String uuid) {
    return settings.baseUrl() + "/c/" + uuid;
  }

  private static QrSymbol symbol(String text, QrForm form) {
    QrEncoding encoding = ZxingQrEncoder.encode(text, form);
    if (encoding instanceof QrEncoding.Encoded encoded) {
      return encoded.symbol();
    }
    throw new ProblemException(ProblemType.NOT_FOUND, ((QrEncoding.TooLarge) encoding).reason());
  }

  private static CredentialText text(SharedCredentials.Shared credential) {
    return credential.jwt() ? new CredentialText.Jws(credential.stored().securedForm())
        : new CredentialText.Json(credential.stored().securedForm());
  }

  private static byte[] baked(Baking baking) {
    if (baking instanceof Baking.Baked baked) {
      return baked.bytes();
    }
    throw new IllegalStateException("the default badge could not be baked: " + ((Baking.Refused) baking).reason());
  }

  /** Files to keep: saved rather than shown (an image embedded elsewhere with an img tag still shows). */
  private static <T> MutableHttpResponse<T> download(MutableHttpResponse<T> response, MediaType type, String name) {
    return response.contentType(type).header("Content-Disposition", "attachment; filename=\"" + name + "\"");
  }

  /** LinkedIn's documented "add to profile" link for certifications. */
  private static String linkedIn(Map<String, Object> c, VerificationReport report, String pageUrl, String uuid) {
    Optional<java.time.ZonedDateTime> issued = report.credential().flatMap(Credential::validFrom)
        .map(i -> i.atZone(ZoneOffset.UTC));
    StringBuilder url = new StringBuilder("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME")
        .append("&name=").append(enc(String.valueOf(c.getOrDefault("title", ""))))
        .append("&organizationName=").append(enc(String.valueOf(c.getOrDefault("issuerName", ""))))
        .append("&certUrl=").append(enc(pageUrl)).append("&certId=").append(enc(uuid));
    issued.ifPresent(i -> url.append("&issueYear=").append(i.getYear()).append("&issueMonth=").append(i.getMonthValue()));
    return url.toString();
  }

  /** The snippet is pasted into other sites' pages: the title is escaped for an attribute there. */
  private static String attribute(String value) {
    return value.replace("&", "&amp;").replace("\"", "&quot;").replace("'", "&#39;").replace("<", "&lt;")
        .replace(">", "&gt;");
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
