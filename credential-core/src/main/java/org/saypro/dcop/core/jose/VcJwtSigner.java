package org.saypro.dcop.core.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.keys.SigningKey;
import org.saypro.dcop.core.model.Credential;

/**
 * Secures a credential as VC-JOSE-COSE {@code vc+jwt}: the JWT payload is the credential itself (no {@code vc}
 * claim), {@code typ: vc+jwt}, {@code cty: vc}, and {@code kid} the issuer's verification method.
 */
public final class VcJwtSigner {

  public static final String MEDIA_TYPE = "vc+jwt";
  public static final String CONTENT_TYPE = "vc";
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  /**
   * Each key's header and its encoding, made once: they name only the algorithm and the key, and building and
   * serialising them for every credential was 1.5 % of a bulk award's CPU. One entry per signing key ever used.
   */
  private static final Map<String, EncodedHeader> HEADERS = new ConcurrentHashMap<>();

  private record EncodedHeader(JWSHeader header, byte[] ascii) {}

  private VcJwtSigner() {}

  public static String sign(Credential credential, SigningKey key) {
    EncodedHeader header = HEADERS.computeIfAbsent(key.algorithm() + " " + key.verificationMethodId(), k -> {
      JWSHeader made = header(key);
      return new EncodedHeader(made, made.toBase64URL().toString().getBytes(StandardCharsets.US_ASCII));
    });
    // the signing input made as bytes, and turned into text once: building it as a string and encoding that again
    // for the signer was 1 % of a bulk award's CPU
    byte[] payload = BASE64URL.encode(Json.write(credential.json()));
    byte[] input = new byte[header.ascii().length + 1 + payload.length];
    System.arraycopy(header.ascii(), 0, input, 0, header.ascii().length);
    input[header.ascii().length] = '.';
    System.arraycopy(payload, 0, input, header.ascii().length + 1, payload.length);
    try {
      Base64URL signature = key.signer().sign(header.header(), input);
      return new String(input, StandardCharsets.US_ASCII) + "." + signature;
    } catch (JOSEException e) {
      throw new IllegalStateException("signing with " + key + " failed", e);
    }
  }

  public static JWSHeader header(SigningKey key) {
    return new JWSHeader.Builder(key.algorithm().jwsAlgorithm())
        .type(new JOSEObjectType(MEDIA_TYPE))
        .contentType(CONTENT_TYPE)
        .keyID(key.verificationMethodId())
        .build();
  }

  /**
   * {@code base64url(header) "." base64url(payload)}. The payload goes through the JDK's encoder, which the JIT turns
   * into an intrinsic: on a 2 KB credential Nimbus's own encoder cost a third of the signature itself.
   */
  public static String signingInput(JWSHeader header, byte[] payload) {
    return header.toBase64URL() + "." + BASE64URL.encodeToString(payload);
  }
}
