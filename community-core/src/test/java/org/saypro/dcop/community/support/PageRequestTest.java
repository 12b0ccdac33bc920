package org.saypro.dcop.community.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.saypro.dcop.web.ProblemException;

/** Page sizes and cursors: bounded, round-tripping exactly, and refused with 400 naming the field otherwise. */
class PageRequestTest {

  @Test
  void aKeysetCursorReadsBackToTheSameMicrosecondAndId() {
    for (Instant at : List.of(Instant.parse("2026-11-24T02:14:31.123456Z"),
        Instant.parse("1969-12-31T23:59:59.999999Z"), Instant.EPOCH)) {
      Keyset keyset = new Keyset(at, UUID.randomUUID());
      assertEquals(keyset, PageRequest.of("10", keyset.encode()).keyset().orElseThrow());
    }
  }

  @Test
  void aPageReadWithOneMoreRowHasANextCursorAndTheLastHasNone() {
    PageRequest request = PageRequest.of("3", null);
    List<Integer> rows = List.of(1, 2, 3, 4);
    Page<Integer> page = request.offsetPage(rows);
    assertEquals(List.of(1, 2, 3), page.items());
    assertEquals(Optional.of("o3"), page.next());
    assertEquals(3, PageRequest.of("3", "o3").offset());
    assertEquals(Optional.empty(), PageRequest.of("3", "o3").offsetPage(List.of(4)).next());

    Instant at = Instant.parse("2026-11-24T00:00:00Z");
    List<UUID> ids = IntStream.range(0, 4).mapToObj(i -> UUID.randomUUID()).toList();
    Page<UUID> keyed = request.keysetPage(ids, id -> new Keyset(at, id));
    assertEquals(ids.subList(0, 3), keyed.items());
    assertEquals(new Keyset(at, ids.get(2)), PageRequest.of("3", keyed.next().orElseThrow()).keyset().orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "101", "-1", "ten", "1.5"})
  void pageSizesOutsideOneToAHundredAreRefused(String limit) {
    ProblemException refused = assertThrows(ProblemException.class, () -> PageRequest.of(limit, null));
    assertEquals(400, refused.problem().status());
    assertEquals("/limit", refused.problem().errors().get(0).pointer());
  }

  @ParameterizedTest
  @ValueSource(strings = {"o-1", "o10001", "oten", "k", "k12", "k12_notauuid", "x5",
      "kabc_00000000-0000-0000-0000-000000000000"})
  void cursorsOfTheWrongKindOrShapeAreRefused(String cursor) {
    PageRequest request = PageRequest.of(null, cursor);
    ProblemException refused = assertThrows(ProblemException.class, () -> {
      if (cursor.startsWith("o")) {
        request.offset();
      } else {
        request.keyset();
      }
    });
    assertEquals("/cursor", refused.problem().errors().get(0).pointer());
  }
}
