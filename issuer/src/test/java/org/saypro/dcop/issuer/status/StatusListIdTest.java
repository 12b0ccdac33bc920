package org.saypro.dcop.issuer.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** List names: the service's keep their first form; an organisation's carry its slug. */
class StatusListIdTest {

  @Test
  void theServicesListsKeepTheirFirstNames() {
    StatusListId id = StatusListId.parse("revocation-1").orElseThrow();
    assertEquals(new StatusListId(StatusListId.Purpose.REVOCATION, 1), id);
    assertEquals(StatusListId.SERVICE, id.owner());
    assertEquals("revocation-1", id.toString());
  }

  @Test
  void anOrganisationsListsCarryItsSlug() {
    StatusListId id = StatusListId.parse("acme-college/suspension-12").orElseThrow();
    assertEquals(new StatusListId("acme-college", StatusListId.Purpose.SUSPENSION, 12), id);
    assertEquals("suspension-12", id.name());
    assertEquals("acme-college/suspension-12", id.toString());
  }

  @Test
  void malformedNamesAreRefused() {
    for (String bad : new String[] {"Acme/revocation-1", "acme/", "/revocation-1", "acme/revocation-0",
        "a/b/revocation-1", "-acme/revocation-1", "acme/expiry-1", ""}) {
      assertEquals(Optional.empty(), StatusListId.parse(bad), bad);
    }
    assertThrows(IllegalArgumentException.class,
        () -> new StatusListId("Not A Slug", StatusListId.Purpose.REVOCATION, 1));
    assertTrue(StatusListId.parse(null).isEmpty());
  }
}
