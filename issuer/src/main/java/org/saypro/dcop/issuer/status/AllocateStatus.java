package org.saypro.dcop.issuer.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.openbadges.OpenBadges;
import org.saypro.dcop.core.status.BitstringStatusListEntry;

/**
 * Gives credentials about to be issued their revocation and suspension entries, in the issuing transaction: an index
 * is taken only if the credential is stored. Indexes are drawn at random (a credential's position says nothing about
 * when it was issued, nor which credentials were issued together) and never reused: the primary key (list, index)
 * decides races, without locking the list, and a lock per index tried without waiting keeps concurrent chunks from
 * queueing behind each other's uncommitted entries ({@link StatusStore#take}). The credentials of one call are
 * served together: each round draws enough random candidates for all still waiting, judged by how full the earlier
 * rounds found the list, and takes them in one statement. Once at least {@value #MIN_SAMPLE} draws show fewer than
 * one index in {@value #CLOSE_BELOW_ONE_IN} free, the list is closed and the next one opened: its last free indexes
 * stay unused (at most about a sixteenth of a list), since finding them would cost a search of the whole list per
 * credential (ADR 12).
 */
@Singleton
public class AllocateStatus {

  /** A list with fewer than one free index in this many is closed. */
  private static final int CLOSE_BELOW_ONE_IN = 16;
  /** Draws that must agree a list is that full before it is closed, so that a few unlucky draws do not close it. */
  private static final int MIN_SAMPLE = 256;
  /** Draws beyond the expected need, so that one round usually serves every credential. */
  private static final double SPARE_DRAWS = 1.25;
  private static final int MIN_DRAWS = 8;

  private final StatusStore store;
  private final PublishStatusList publish;
  private final StatusSettings settings;
  private final SecureRandom random = new SecureRandom();

  AllocateStatus(StatusStore store, PublishStatusList publish, StatusSettings settings) {
    this.store = store;
    this.publish = publish;
    this.settings = settings;
  }

  /** A credential about to be issued: its uuid, and its unsigned form, which says whether it is an Open Badge. */
  public record Unissued(UUID credential, JsonNode unsigned) {}

  /**
   * The {@code credentialStatus} of each credential, in order, in the lists of {@code owner} (an organisation's slug,
   * or {@link StatusListId#SERVICE}): the lists of the credentials' own issuer, since a verifier accepts only a list
   * signed by the credential's issuer. Each is an array of a revocation and a suspension entry; for an Open Badges 3.0
   * credential, whose schema allows a single status object, the revocation entry alone (ADR 12).
   */
  @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
  public List<JsonNode> statusFor(String owner, List<Unissued> credentials) {
    Map<StatusListId.Purpose, Map<UUID, Taken>> taken = new HashMap<>();
    for (StatusListId.Purpose purpose : StatusListId.Purpose.values()) {
      List<UUID> needing = credentials.stream()
          .filter(c -> purpose == StatusListId.Purpose.REVOCATION || !OpenBadges.isOpenBadge(c.unsigned()))
          .map(Unissued::credential).toList();
      if (!needing.isEmpty()) {
        taken.put(purpose, allocate(owner, purpose, needing));
      }
    }
    List<JsonNode> statuses = new ArrayList<>(credentials.size());
    for (Unissued credential : credentials) {
      ObjectNode revocation = entry(taken.get(StatusListId.Purpose.REVOCATION).get(credential.credential()));
      if (OpenBadges.isOpenBadge(credential.unsigned())) {
        statuses.add(revocation);
      } else {
        ArrayNode both = Json.mapper().createArrayNode().add(revocation);
        statuses.add(both.add(entry(taken.get(StatusListId.Purpose.SUSPENSION).get(credential.credential()))));
      }
    }
    return statuses;
  }

  private ObjectNode entry(Taken taken) {
    String url = publish.url(taken.list());
    ObjectNode entry = Json.newObject().put("id", url + "#" + taken.index());
    entry.setAll(BitstringStatusListEntry.of(url, taken.list().purpose().label(), taken.index()).toJson());
    return entry;
  }

  private record Taken(StatusListId list, int index) {}

  private Map<UUID, Taken> allocate(String owner, StatusListId.Purpose purpose, List<UUID> credentials) {
    Map<UUID, Taken> taken = new HashMap<>();
    List<UUID> waiting = new ArrayList<>(credentials);
    while (!waiting.isEmpty()) {
      StatusStore.OpenList open = store.openList(owner, purpose).orElseGet(() -> openNext(owner, purpose));
      if (!drawAtRandom(open, waiting, taken)) {
        store.markFull(open.id());
      }
    }
    return taken;
  }

  /**
   * Rounds of random draws until every credential in {@code waiting} has an index.
   *
   * @return false, with some still waiting, once the draws show the list too full to go on drawing from
   */
  private boolean drawAtRandom(StatusStore.OpenList open, List<UUID> waiting, Map<UUID, Taken> taken) {
    // only rounds that used every free candidate they drew say how full the list is
    long sampled = 0;
    long free = 0;
    while (!waiting.isEmpty()) {
      double freeShare = sampled == 0 ? 1 : Math.max(1.0 / CLOSE_BELOW_ONE_IN, (double) free / sampled);
      int draws = (int) Math.min(open.size(), Math.ceil(waiting.size() * SPARE_DRAWS / freeShare) + MIN_DRAWS);
      int wanted = waiting.size();
      int got = take(open, random.ints(0, open.size()).distinct().limit(draws).toArray(), waiting, taken);
      if (got < wanted) {
        sampled += draws;
        free += got;
        if (sampled >= MIN_SAMPLE && free * CLOSE_BELOW_ONE_IN < sampled) {
          return false;
        }
      }
    }
    return true;
  }

  private int take(StatusStore.OpenList open, int[] candidates, List<UUID> waiting, Map<UUID, Taken> taken) {
    Map<UUID, Integer> got = store.take(open.id(), candidates, waiting);
    got.forEach((credential, index) -> taken.put(credential, new Taken(open.id(), index)));
    waiting.removeIf(got::containsKey);
    return got.size();
  }

  private StatusStore.OpenList openNext(String owner, StatusListId.Purpose purpose) {
    StatusListId id = new StatusListId(owner, purpose, store.nextSeq(owner, purpose));
    if (store.createList(id, settings.listSize())) {
      publish.rebuild(id, settings.listSize());
    }
    return store.openList(owner, purpose).orElseThrow(() -> new IllegalStateException("no open " + purpose.label() + " list"));
  }
}
