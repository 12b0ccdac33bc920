package org.saypro.dcop.core.offline;

import org.saypro.dcop.core.jose.CompactJws;

/**
 * The outcome of reading an offline QR text: the compact vc+jwt it carries (not yet verified: that is the verifier's
 * job), or why the text is not one.
 */
public sealed interface OfflineDecoding {

  record Decoded(String compactJws) implements OfflineDecoding {
    public Decoded {
      if (!(CompactJws.parse(compactJws) instanceof CompactJws.Parsed.Jws)) {
        throw new IllegalArgumentException("a decoded offline credential is a compact JWS");
      }
    }
  }

  record Rejected(String reason) implements OfflineDecoding {
    public Rejected {
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("a rejection says why");
      }
    }
  }
}
