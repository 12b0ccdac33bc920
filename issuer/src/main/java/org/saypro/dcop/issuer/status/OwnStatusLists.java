package org.saypro.dcop.issuer.status;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.saypro.dcop.core.status.HostedStatusLists;
import org.saypro.dcop.core.status.StatusChangeTimes;
import org.saypro.dcop.issuer.config.IssuerSettings;

/**
 * Answers this deployment's verifier about the lists published here: the list as last built (so a change is seen at
 * once, with no request to itself), and when a bit last changed, from the audited change and its log entry.
 */
@Singleton
public class OwnStatusLists implements HostedStatusLists, StatusChangeTimes {

  private final StatusStore store;
  private final String prefix;
  private final String issuersPrefix;

  OwnStatusLists(StatusStore store, IssuerSettings settings) {
    this.store = store;
    this.prefix = settings.baseUrl() + "/status/";
    this.issuersPrefix = settings.baseUrl() + "/issuers/";
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<String> find(String url) {
    return id(url).flatMap(store::published).map(StatusStore.Published::vcJwt);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Recorded> lastChange(String listUrl, long index) {
    if (index > Integer.MAX_VALUE) {
      return Optional.empty();
    }
    return id(listUrl).flatMap(id -> store.lastChange(id, (int) index));
  }

  /** The list at a URL made by {@link PublishStatusList#url}. */
  private Optional<StatusListId> id(String url) {
    if (url.startsWith(prefix)) {
      return StatusListId.parse(url.substring(prefix.length())).filter(id -> id.owner().isEmpty());
    }
    if (url.startsWith(issuersPrefix)) {
      String rest = url.substring(issuersPrefix.length());
      int slash = rest.indexOf("/status/");
      if (slash > 0) {
        return StatusListId.parse(rest.substring(0, slash) + "/" + rest.substring(slash + "/status/".length()))
            .filter(id -> !id.owner().isEmpty());
      }
    }
    return Optional.empty();
  }
}
