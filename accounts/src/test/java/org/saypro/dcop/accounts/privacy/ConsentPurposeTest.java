package org.saypro.dcop.accounts.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConsentPurposeTest {

  @Test
  void thePurposesAreExactlyThoseTheTableAccepts() throws IOException {
    String migration;
    try (InputStream in = getClass().getResourceAsStream("/db/migration/V35__privacy_consent_and_erasure.sql")) {
      migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Matcher check = Pattern.compile("purpose in \\(([^)]*)\\)").matcher(migration);
    assertTrue(check.find(), migration);
    Set<String> accepted = Arrays.stream(check.group(1).split(",")).map(s -> s.strip().replace("'", ""))
        .collect(Collectors.toSet());
    assertEquals(accepted, Arrays.stream(ConsentPurpose.values()).map(ConsentPurpose::label)
        .collect(Collectors.toSet()));
  }

  @Test
  void labelsReadBackAndUnknownOnesAreRefused() {
    for (ConsentPurpose p : ConsentPurpose.values()) {
      assertEquals(Optional.of(p), ConsentPurpose.fromLabel(p.label()));
      assertTrue(p.wording().startsWith("E-mail me"), "each purpose is a sentence the member agrees to");
    }
    assertEquals(Optional.empty(), ConsentPurpose.fromLabel("newsletter"));
  }

  @Test
  void theConditionNamesTheCurrentGrantOfItsPurposeOnly() {
    String sql = ConsentPurpose.WEBINAR_REMINDERS.currentIn("r.user_id");
    assertTrue(sql.contains("ec.user_id = r.user_id") && sql.contains("'webinar-reminders'")
        && sql.contains("withdrawn_at is null"), sql);
  }
}
