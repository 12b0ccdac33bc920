package org.saypro.dcop.core.status;

/**
 * Port: fetches a status list credential by its URL. Implementations bound time and size, and may cache for the
 * list's time to live; this deployment's own lists are answered without the network.
 */
@FunctionalInterface
public interface FetchStatusList {

  Fetched fetch(String url);

  /** The list as served (a compact vc+jwt, or a JSON credential with a proof), or why there is none. */
  sealed interface Fetched {
    record Found(String body) implements Fetched {}

    record Unreachable(String reason) implements Fetched {}
  }
}
