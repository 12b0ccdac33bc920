package org.saypro.dcop.core.did;

import java.util.Optional;

/**
 * Port: DID documents this deployment serves itself. A verifier consults it before the network, so the service
 * never makes an HTTP request to itself and keeps verifying its own credentials when its public URL is unreachable.
 */
@FunctionalInterface
public interface HostedDidDocuments {
  Optional<DidDocument> find(String did);
}
