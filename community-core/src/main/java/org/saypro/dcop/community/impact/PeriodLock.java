package org.saypro.dcop.community.impact;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Periods close for data entry {@code dcop.impact.lock-days} days after they end, so reported figures stop moving;
 * platform admins may still correct them (the correction is a new version with their name, ADR 0026).
 */
@Singleton
public class PeriodLock {

  private final int lockDays;

  public PeriodLock(@Value("${dcop.impact.lock-days:30}") int lockDays) {
    if (lockDays < 0 || lockDays > 3660) {
      throw new IllegalArgumentException("dcop.impact.lock-days must be from 0 to 3660, not " + lockDays);
    }
    this.lockDays = lockDays;
  }

  public int lockDays() {
    return lockDays;
  }

  public boolean locked(Period period, LocalDate today) {
    return today.isAfter(period.end().plusDays(lockDays));
  }

  public boolean locked(Period period) {
    return locked(period, LocalDate.now(ZoneOffset.UTC));
  }

  public LocalDate locksAfter(Period period) {
    return period.end().plusDays(lockDays);
  }
}
