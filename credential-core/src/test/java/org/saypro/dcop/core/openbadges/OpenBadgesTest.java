package org.saypro.dcop.core.openbadges;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.saypro.dcop.core.json.Json;

class OpenBadgesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "{\"type\": [\"VerifiableCredential\", \"OpenBadgeCredential\"]}  | true",
    "{\"type\": [\"VerifiableCredential\", \"AchievementCredential\"]} | true",
    "{\"type\": \"OpenBadgeCredential\"}                                | true",
    "{\"type\": [\"VerifiableCredential\", \"ExampleDegreeCredential\"]} | false",
    "{\"type\": \"VerifiableCredential\"}                               | false",
    "{\"type\": [[\"OpenBadgeCredential\"]]}                            | false",
    "{\"type\": {\"name\": \"OpenBadgeCredential\"}}                    | false",
    "{\"name\": \"OpenBadgeCredential\"}                                | false",
    "{\"type\": [\"VerifiableCredential\", 3, null]}                    | false"
  })
  void aCredentialIsAnOpenBadgeWhenOneOfItsTypesSaysSo(String credential, boolean openBadge) {
    assertEquals(openBadge, OpenBadges.isOpenBadge(Json.parse(credential)));
  }
}
