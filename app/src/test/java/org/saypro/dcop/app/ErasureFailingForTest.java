package org.saypro.dcop.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Set;
import org.saypro.dcop.accounts.privacy.DataSubject;
import org.saypro.dcop.accounts.privacy.PersonalDataSection;
import org.saypro.dcop.core.json.Json;

/**
 * A section that fails the erasure of members whose address starts with {@code erasure-fails}, after the community
 * sections have deleted their rows and before the account is anonymised: PrivacyIT shows nothing of it stays.
 */
@Singleton
@Requires(property = "test.privacy.failing-section", value = "true")
class ErasureFailingForTest implements PersonalDataSection {

  static final String PREFIX = "erasure-fails";

  @Override
  public String name() {
    return "failing-for-test";
  }

  @Override
  public int getOrder() {
    return 500;
  }

  @Override
  public Set<String> columns() {
    return Set.of();
  }

  @Override
  public JsonNode export(DataSubject subject) {
    return Json.newObject();
  }

  @Override
  public void erase(DataSubject subject) {
    if (subject.email().startsWith(PREFIX)) {
      throw new IllegalStateException("this section fails on purpose, to show the erasure is one transaction");
    }
  }
}
