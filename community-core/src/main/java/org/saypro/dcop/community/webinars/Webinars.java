package org.saypro.dcop.community.webinars;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Scheduling and reading webinars. */
@Singleton
public class Webinars {

  /** At most this many sessions in one listing or calendar feed. */
  public static final int LISTED = 500;

  private final WebinarStore store;

  Webinars(WebinarStore store) {
    this.store = store;
  }

  @Transactional
  public void schedule(Webinar webinar, UUID createdBy) {
    store.insert(webinar, createdBy);
  }

  @Transactional(readOnly = true)
  public Webinar require(UUID id) {
    return store.byId(id).orElseThrow(() -> Registrations.notFound(id));
  }

  /** Sessions not yet over, soonest first; of one group or of all. */
  @Transactional(readOnly = true)
  public List<Webinar> upcoming(Optional<String> group) {
    return store.endingAfter(Instant.now(), group, LISTED);
  }

  @Transactional
  public void setRecording(UUID id, URI recording) {
    store.setRecording(id, recording);
  }
}
