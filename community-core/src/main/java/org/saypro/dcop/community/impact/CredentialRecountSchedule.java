package org.saypro.dcop.community.impact;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps credentials-issued indicators current without anyone asking: every {@code dcop.impact.recount-interval}
 * (default an hour) each framework that has such an indicator is recounted, in a transaction of its own, so one
 * failing framework does not hold back the others. The recount only adds a version where a count changed, so a run
 * that finds nothing new writes nothing; two instances recounting at once collide on the value's unique version and
 * the loser's transaction is rolled back and retried at its next run.
 */
@Singleton
class CredentialRecountSchedule {

  private static final Logger LOG = LoggerFactory.getLogger(CredentialRecountSchedule.class);

  private final Frameworks frameworks;
  private final AutomaticValues automatic;

  CredentialRecountSchedule(Frameworks frameworks, AutomaticValues automatic) {
    this.frameworks = frameworks;
    this.automatic = automatic;
  }

  @Scheduled(fixedDelay = "${dcop.impact.recount-interval:1h}",
      initialDelay = "${dcop.impact.recount-initial-delay:2m}")
  void recountAll() {
    if (!automatic.countsCredentials()) {
      return;
    }
    Set<Framework> counted = new LinkedHashSet<>();
    for (Indicator indicator : frameworks.withAutoSource(Indicator.CREDENTIALS_ISSUED)) {
      counted.add(frameworks.frameworkOf(indicator));
    }
    for (Framework framework : counted) {
      try {
        AutomaticValues.Recount recount = automatic.recountCredentials(framework);
        if (recount.changed() > 0) {
          LOG.info("credentials issued recounted for framework {}: {} value(s) changed", framework.id(),
              recount.changed());
        }
      } catch (RuntimeException e) {
        LOG.warn("recounting credentials issued for framework {} failed; the next run tries again", framework.id(), e);
      }
    }
  }
}
