package org.saypro.dcop.issuer.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.OptionalInt;
import java.util.UUID;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.openbadges.OpenBadges;
import org.saypro.dcop.core.status.BitstringStatusListEntry;

/**
 * Gives a credential about to be issued its revocation and suspension entries, in the issuing transaction: an index
 * is taken only if the credential is stored. Indexes are drawn at random (a credential's position says nothing about
 * when it was issued) and never reused: the primary key (list, index) decides races, without locking the list. After
 * {@value #RANDOM_TRIES} taken indexes in a row, the list is nearly full and a scan finds a free one; when there is
 * none, the list is closed and the next one opened.
 */
@Singleton
public class AllocateStatus {

  private static final int RANDOM_TRIES = 16;

  private final StatusStore store;
  private final PublishStatusList publish;
  private final StatusSettings settings;
  private final SecureRandom random = new SecureRandom();

  AllocateStatus(StatusStore store, PublishStatusList publish, StatusSettings settings) {
    this.store = store;
    this.publish = publish;
    this.settings = settings;
  }

  /**
   * The {@code credentialStatus} for the credential: an array of a revocation and a suspension entry; for an Open
   * Badges 3.0 credential, whose schema allows a single status object, the revocation entry alone (ADR 12).
   */
  @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
  public JsonNode statusFor(UUID credential, JsonNode unsigned) {
    return statusFor(StatusListId.SERVICE, credential, unsigned);
  }

  /**
   * As above, in the lists of {@code owner} (an organisation's slug, or {@link StatusListId#SERVICE}): the lists of
   * the credential's own issuer, since a verifier accepts only a list signed by the credential's issuer.
   */
  @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
  public JsonNode statusFor(String owner, UUID credential, JsonNode unsigned) {
    if (OpenBadges.isOpenBadge(unsigned)) {
      return entry(owner, StatusListId.Purpose.REVOCATION, credential);
    }
    ArrayNode entries = Json.mapper().createArrayNode();
    for (StatusListId.Purpose purpose : StatusListId.Purpose.values()) {
      entries.add(entry(owner, purpose, credential));
    }
    return entries;
  }

  private ObjectNode entry(String owner, StatusListId.Purpose purpose, UUID credential) {
    Taken taken = allocate(owner, purpose, credential);
    String url = publish.url(taken.list());
    ObjectNode entry = Json.newObject().put("id", url + "#" + taken.index());
    entry.setAll(BitstringStatusListEntry.of(url, purpose.label(), taken.index()).toJson());
    return entry;
  }

  private record Taken(StatusListId list, int index) {}

  private Taken allocate(String owner, StatusListId.Purpose purpose, UUID credential) {
    while (true) {
      StatusStore.OpenList open = store.openList(owner, purpose).orElseGet(() -> openNext(owner, purpose));
      for (int i = 0; i < RANDOM_TRIES; i++) {
        int index = random.nextInt(open.size());
        if (store.tryAllocate(open.id(), index, credential)) {
          return new Taken(open.id(), index);
        }
      }
      OptionalInt free = store.freeIndex(open.id(), open.size(), random.nextInt(open.size()));
      if (free.isPresent() && store.tryAllocate(open.id(), free.getAsInt(), credential)) {
        return new Taken(open.id(), free.getAsInt());
      }
      if (free.isEmpty()) {
        store.markFull(open.id());
      }
    }
  }

  private StatusStore.OpenList openNext(String owner, StatusListId.Purpose purpose) {
    StatusListId id = new StatusListId(owner, purpose, store.nextSeq(owner, purpose));
    if (store.createList(id, settings.listSize())) {
      publish.rebuild(id, settings.listSize());
    }
    return store.openList(owner, purpose).orElseThrow(() -> new IllegalStateException("no open " + purpose.label() + " list"));
  }
}
