package org.saypro.dcop.sharing.web;

import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.json.MalformedJsonException;
import org.saypro.dcop.core.offline.OfflineCredentialCodec;
import org.saypro.dcop.core.offline.OfflineDecoding;
import org.saypro.dcop.core.verify.SecuredInput;
import org.saypro.dcop.issuer.config.IssuerSettings;
import org.saypro.dcop.sharing.CredentialText;
import org.saypro.dcop.sharing.baking.PngBaker;
import org.saypro.dcop.sharing.baking.SvgBaker;
import org.saypro.dcop.sharing.baking.Unbaked;
import org.saypro.dcop.sharing.pdf.CertificatePdf;
import org.saypro.dcop.sharing.qr.QrDecoding;
import org.saypro.dcop.sharing.qr.ZxingQrDecoder;

/**
 * Finds the credential in whatever an employer brings: pasted text (a JWT, JSON, the text of an offline QR code, a
 * link to a page of this service), or a file (a baked PNG or SVG badge, a certificate PDF made here, a photo or
 * screenshot of a QR code). Links are opened only when they point at this service: nothing here fetches a URL
 * someone typed.
 */
@Singleton
class VerifyInputs {

  static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
  static final int MAX_TEXT_CHARS = 256 * 1024;

  private static final Pattern UUID_IN_PATH =
      Pattern.compile("/(?:c|credentials)/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})"
          + "(?:[/?#].*)?");

  private final IssuerSettings settings;
  private final SharedCredentials shared;
  private final ZxingQrDecoder qr = new ZxingQrDecoder();

  VerifyInputs(IssuerSettings settings, SharedCredentials shared) {
    this.settings = settings;
    this.shared = shared;
  }

  Brought text(String text, String source) {
    String stripped = text.strip();
    if (stripped.isEmpty()) {
      return new Brought.Nothing("Paste a credential, or choose a file.");
    }
    if (stripped.length() > MAX_TEXT_CHARS) {
      return new Brought.Nothing("The text is longer than any credential read here (" + MAX_TEXT_CHARS
          + " characters).");
    }
    if (stripped.startsWith(OfflineCredentialCodec.PREFIX)) {
      OfflineDecoding decoded = OfflineCredentialCodec.decode(stripped);
      if (decoded instanceof OfflineDecoding.Decoded jws) {
        return new Brought.Credential(new SecuredInput.VcJwt(jws.compactJws()), source + " (offline form)");
      }
      return new Brought.Nothing("The offline QR code could not be read: " + ((OfflineDecoding.Rejected) decoded)
          .reason());
    }
    if (stripped.startsWith("http://") || stripped.startsWith("https://")) {
      return link(stripped, source);
    }
    if (stripped.startsWith("{")) {
      try {
        return SecuredInput.classify(Json.parse(stripped)).<Brought>map(i -> new Brought.Credential(i, source))
            .orElse(new Brought.Nothing("The JSON is not a credential."));
      } catch (MalformedJsonException e) {
        return new Brought.Nothing("The text starts like JSON but is not valid JSON.");
      }
    }
    return SecuredInput.classify(TextNode.valueOf(stripped)).<Brought>map(i -> new Brought.Credential(i, source))
        .orElse(new Brought.Nothing("The text is neither a credential (JWT or JSON), nor the text of a QR code"
            + " made here, nor a link to a credential page of this service."));
  }

  Brought file(byte[] bytes, String name) {
    if (bytes.length == 0) {
      return new Brought.Nothing("The file is empty.");
    }
    if (bytes.length > MAX_FILE_BYTES) {
      return new Brought.Nothing("The file is larger than 5 MB.");
    }
    try {
      if (startsWith(bytes, new byte[] {(byte) 0x89, 'P', 'N', 'G'})) {
        Unbaked unbaked = PngBaker.unbake(bytes);
        if (unbaked instanceof Unbaked.Found found) {
          return credential(found.credential(), "a baked PNG badge");
        }
        if (unbaked instanceof Unbaked.Invalid invalid) {
          return new Brought.Nothing("The PNG could not be read: " + invalid.reason());
        }
        return qrCode(bytes, "a QR code in a PNG image");
      }
      if (startsWith(bytes, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
        return qrCode(bytes, "a QR code in a photo");
      }
      if (startsWith(bytes, "%PDF".getBytes(StandardCharsets.US_ASCII))) {
        Optional<CredentialText> attached = CertificatePdf.extractCredential(bytes);
        return attached.map(t -> credential(t, "a certificate PDF")).orElse(new Brought.Nothing(
            "The PDF carries no credential: only certificates made by this service do."));
      }
      if (looksLikeSvg(bytes)) {
        Unbaked unbaked = SvgBaker.unbake(bytes);
        if (unbaked instanceof Unbaked.Found found) {
          return credential(found.credential(), "a baked SVG badge");
        }
        return new Brought.Nothing(unbaked instanceof Unbaked.Invalid invalid
            ? "The SVG could not be read: " + invalid.reason() : "The SVG carries no credential.");
      }
    } catch (RuntimeException e) {
      // the readers answer every malformed file with a reason; this is the last guard for one they did not foresee
      return new Brought.Nothing("The file could not be read.");
    }
    return new Brought.Nothing("This kind of file is not read here: upload a PNG, SVG or JPEG image, or a"
        + " certificate PDF made by this service.");
  }

  private Brought qrCode(byte[] image, String source) {
    QrDecoding decoded = qr.decode(image);
    if (decoded instanceof QrDecoding.Found found) {
      return text(found.text(), source);
    }
    return new Brought.Nothing(decoded instanceof QrDecoding.NotFound notFound
        ? "No credential or QR code was found in the image: " + notFound.reason()
        : "The image could not be read: " + ((QrDecoding.Unreadable) decoded).reason());
  }

  private Brought link(String url, String source) {
    if (!url.startsWith(settings.baseUrl() + "/")) {
      return new Brought.Nothing("Only links to credential pages of this service (" + settings.baseUrl()
          + ") are opened here. For another service's credential, paste the credential itself.");
    }
    Matcher matcher = UUID_IN_PATH.matcher(url.substring(settings.baseUrl().length()));
    if (!matcher.matches()) {
      return new Brought.Nothing("The link does not point at a credential.");
    }
    return shared.find(matcher.group(1).toLowerCase(java.util.Locale.ROOT))
        .<Brought>map(found -> new Brought.Credential(found.jwt()
            ? new SecuredInput.VcJwt(found.stored().securedForm())
            : new SecuredInput.DataIntegrity(Json.parse(found.stored().securedForm())), source + " (a link)"))
        .orElse(new Brought.Nothing("There is no credential at that link, or its holder does not share it."));
  }

  private static Brought credential(CredentialText text, String source) {
    if (text instanceof CredentialText.Jws jws) {
      return new Brought.Credential(new SecuredInput.VcJwt(jws.text()), source);
    }
    return SecuredInput.classify(Json.parse(text.text())).<Brought>map(i -> new Brought.Credential(i, source))
        .orElse(new Brought.Nothing("The " + source + " carries JSON that is not a credential."));
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean looksLikeSvg(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.UTF_8).strip();
    return head.startsWith("<") && head.contains("<svg");
  }
}
