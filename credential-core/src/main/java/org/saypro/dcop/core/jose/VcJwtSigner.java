package org.saypro.dcop.core.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
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

  private VcJwtSigner() {}

  public static String sign(Credential credential, SigningKey key) {
    JWSHeader header =
        new JWSHeader.Builder(key.algorithm().jwsAlgorithm())
            .type(new JOSEObjectType(MEDIA_TYPE))
            .contentType(CONTENT_TYPE)
            .keyID(key.verificationMethodId())
            .build();
    JWSObject jws = new JWSObject(header, new Payload(Json.write(credential.json())));
    try {
      jws.sign(key.signer());
    } catch (JOSEException e) {
      throw new IllegalStateException("signing with " + key + " failed", e);
    }
    return jws.serialize();
  }
}
