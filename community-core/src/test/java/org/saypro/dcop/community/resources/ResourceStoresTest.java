package org.saypro.dcop.community.resources;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySourcePropertyResolver;
import io.micronaut.context.exceptions.ConfigurationException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the store: disk by default, S3 only with valid settings, anything else refused by name. */
class ResourceStoresTest {

  @TempDir Path dataDir;

  private static PropertySourcePropertyResolver config(Map<String, Object> values) {
    return new PropertySourcePropertyResolver(PropertySource.of(values));
  }

  @Test
  void diskIsTheDefaultStore() throws Exception {
    try (ResourceStore store = new ResourceStores().resourceStore("disk", dataDir.toString(), config(Map.of()))) {
      assertInstanceOf(DiskResourceStore.class, store);
    }
  }

  @Test
  void anUnknownStoreIsRefusedNamingTheVariable() {
    ConfigurationException refused = assertThrows(ConfigurationException.class,
        () -> new ResourceStores().resourceStore("s4", dataDir.toString(), config(Map.of())));
    assertTrue(refused.getMessage().contains("DCOP_RESOURCE_STORE must be disk or s3"), refused.getMessage());
  }

  @Test
  void invalidS3SettingsAreRefusedWithoutTheSecret() {
    ConfigurationException refused = assertThrows(ConfigurationException.class,
        () -> new ResourceStores().resourceStore("s3", dataDir.toString(), config(Map.of(
            "dcop.community.resources.s3.access-key", "AKIAEXAMPLE",
            "dcop.community.resources.s3.secret-key", "s3cr3t-v4lue"))));
    assertTrue(refused.getMessage().contains("S3 bucket"), refused.getMessage());
    assertFalse(refused.getMessage().contains("s3cr3t-v4lue"), refused.getMessage());
  }
}
