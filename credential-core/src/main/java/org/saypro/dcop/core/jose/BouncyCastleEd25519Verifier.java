package org.saypro.dcop.core.jose;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.util.Set;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** Ed25519 verification for Nimbus through Bouncy Castle's lightweight API. */
public final class BouncyCastleEd25519Verifier implements JWSVerifier {

  private final Ed25519PublicKeyParameters key;
  private final JCAContext jcaContext = new JCAContext();

  public BouncyCastleEd25519Verifier(OctetKeyPair publicJwk) {
    if (!Curve.Ed25519.equals(publicJwk.getCurve())) {
      throw new IllegalArgumentException("not an Ed25519 key: " + publicJwk.getCurve());
    }
    this.key = new Ed25519PublicKeyParameters(publicJwk.getDecodedX(), 0);
  }

  @Override
  public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
    return header != null && supportedJWSAlgorithms().contains(header.getAlgorithm()) && verify(signingInput, signature.decode());
  }

  /** Verifies raw bytes: the hot path, which needs no parsed header. */
  public boolean verify(byte[] signingInput, byte[] signature) {
    return signature.length == Ed25519.SIGNATURE_SIZE
        && key.verify(Ed25519.Algorithm.Ed25519, null, signingInput, 0, signingInput.length, signature, 0);
  }

  @Override
  public Set<JWSAlgorithm> supportedJWSAlgorithms() {
    return BouncyCastleEd25519Signer.ALGORITHMS;
  }

  @Override
  public JCAContext getJCAContext() {
    return jcaContext;
  }
}
