package org.saypro.dcop.community.resources;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.value.PropertyResolver;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The store that {@code dcop.community.resources.store} (DCOP_RESOURCE_STORE) names: {@code disk} or {@code s3}. */
@Factory
class ResourceStores {

  private static final Logger LOG = LoggerFactory.getLogger(ResourceStores.class);

  @Singleton
  @Bean(preDestroy = "close")
  ResourceStore resourceStore(@Value("${dcop.community.resources.store:disk}") String store,
      @Value("${dcop.data-dir:./data}") String dataDir, PropertyResolver config) {
    switch (store.strip()) {
      case "disk":
        return new DiskResourceStore(dataDir);
      case "s3":
        S3Settings settings;
        try {
          settings = S3Settings.from(config);
        } catch (IllegalArgumentException e) {
          throw new ConfigurationException("the resource library's S3 store: " + e.getMessage(), e);
        }
        S3ResourceStore s3 = S3ResourceStore.open(settings);
        LOG.info("Resource library files are stored in S3: {}", settings);
        return s3;
      default:
        throw new ConfigurationException(
            "dcop.community.resources.store: DCOP_RESOURCE_STORE must be disk or s3, not '" + store + "'");
    }
  }
}
