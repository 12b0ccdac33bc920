package org.saypro.dcop.core.did;

/** Port: turn a DID into its document. Implementations must bound time and size of any network access. */
@FunctionalInterface
public interface ResolveDid {
  DidResolution resolve(String did);
}
