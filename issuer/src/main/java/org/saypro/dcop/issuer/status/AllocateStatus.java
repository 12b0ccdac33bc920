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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.openbadges.OpenBadges;
import org.saypro.dcop.core.status.BitstringStatusListEntry;

/**
 * Gives credentials about to be issued their revocation and suspension entries, in the issuing transaction: an index
 * is taken only if the credential is stored. Indexes are drawn at random (a credential's position says nothing about
 * when it was issued, nor which credentials were issued together) and never reused. They are drawn in memory from
 * what this process knows to be taken ({@link TakenIndexes}), so concurrent chunks never draw the same index, and the
 * credentials of one call take theirs in one statement; the primary key (list, index) still decides against another
 * instance of the service, and a credential whose index it refuses draws again. A list is closed when it has no free
 * index left, and the next one opened (ADR 12).
 */
@Singleton
public class AllocateStatus {

  private final StatusStore store;
  private final PublishStatusList publish;
  private final StatusSettings settings;
  private final SecureRandom random = new SecureRandom();
  private final Map<StatusListId, TakenIndexes> openLists = new ConcurrentHashMap<>();

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
      TakenIndexes known =
          openLists.computeIfAbsent(open.id(), id -> new TakenIndexes(open.size(), store.takenIndexes(id)));
      int[] drawn = known.draw(waiting.size(), random);
      if (drawn.length == 0) {
        store.markFull(open.id());
        openLists.remove(open.id());
        continue;
      }
      List<UUID> drawing = waiting.subList(0, drawn.length);
      Set<UUID> got = store.take(open.id(), drawn, drawing);
      for (int k = 0; k < drawn.length; k++) {
        if (got.contains(drawing.get(k))) {
          taken.put(drawing.get(k), new Taken(open.id(), drawn[k]));
        }
      }
      if (got.size() < drawn.length) {
        // another instance took some of these: learn all it took before drawing again
        known.addTaken(store.takenIndexes(open.id()));
      }
      drawing.removeIf(got::contains);
    }
    return taken;
  }

  private StatusStore.OpenList openNext(String owner, StatusListId.Purpose purpose) {
    StatusListId id = new StatusListId(owner, purpose, store.nextSeq(owner, purpose));
    if (store.createList(id, settings.listSize())) {
      publish.rebuild(id, settings.listSize());
    }
    return store.openList(owner, purpose).orElseThrow(() -> new IllegalStateException("no open " + purpose.label() + " list"));
  }
}
