package org.saypro.dcop.accounts.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.order.Ordered;
import java.util.Set;

/**
 * One module's share of a member's personal data. Every module that stores something about a person implements this
 * as a singleton; {@link PersonalData} collects them all, so a new module adds its section and nothing else changes.
 * Both methods run inside the caller's transaction. Erasure runs in {@link #getOrder()} order: sections that find
 * rows through others' (sharing through holders, mentions through the e-mail address) come first, accounts last.
 */
public interface PersonalDataSection extends Ordered {

  /** The key of this section in the export. */
  String name();

  /**
   * Every {@code table.column} naming a person (user ids, e-mail addresses, actors) this section answers for, whether
   * it exports, erases or deliberately keeps it; a test fails when the schema has such a column nobody claims.
   */
  Set<String> columns();

  /** What is held about the member; secrets are described, never included. */
  JsonNode export(DataSubject subject);

  /** Deletes or anonymises what this section holds about the member, keeping what ADR 0027 says must stay. */
  void erase(DataSubject subject);
}
