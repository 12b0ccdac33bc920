package org.saypro.dcop.core.status;

import java.util.Optional;

/**
 * Port: status lists this deployment publishes itself, answered from its own store so that a change is seen by its
 * verifier at once and no request is made to itself.
 */
@FunctionalInterface
public interface HostedStatusLists {
  /** The list at {@code url} as served (compact vc+jwt), when this deployment publishes it. */
  Optional<String> find(String url);
}
