package org.saypro.dcop.core.anchor;

import java.net.URI;
import java.util.Map;
import org.saypro.dcop.core.did.DidService;

/**
 * How an issuer announces its transparency log in its DID document, so that verifiers elsewhere can find the log
 * and the ledger contract that anchors it: a service of type {@value #TYPE} whose endpoint is the log's base URL
 * (evidence at {@code <endpoint>/evidence?data=<hex>}) and whose {@value #ANCHOR_PROPERTY} is the contract as a
 * CAIP-10 account id.
 */
public final class TransparencyLogService {

  public static final String TYPE = "TransparencyLog";
  public static final String ANCHOR_PROPERTY = "anchorContract";
  public static final String FRAGMENT = "#transparency-log";

  private TransparencyLogService() {}

  public static DidService of(String did, URI logUrl, LedgerContract contract) {
    return new DidService(did + FRAGMENT, TYPE, logUrl.toString(), Map.of(ANCHOR_PROPERTY, contract.caip10()));
  }
}
