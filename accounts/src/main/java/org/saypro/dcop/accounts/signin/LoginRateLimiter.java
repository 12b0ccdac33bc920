package org.saypro.dcop.accounts.signin;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per username and per client address in a sliding window and says how long to wait once
 * either has too many. In memory: a restart forgets, which only gives an attacker one more window; several
 * instances behind a balancer would each count their own share (documented in ADR 13).
 */
@Singleton
public class LoginRateLimiter {

  private final int maxPerUser;
  private final int maxPerAddress;
  private final Duration window;
  private final Clock clock = Clock.systemUTC();
  private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  LoginRateLimiter(@Value("${dcop.login.max-failures-per-user:5}") int maxPerUser,
      @Value("${dcop.login.max-failures-per-address:20}") int maxPerAddress,
      @Value("${dcop.login.failure-window:15m}") Duration window) {
    this.maxPerUser = maxPerUser;
    this.maxPerAddress = maxPerAddress;
    this.window = window;
  }

  /** How long this username or address must wait before trying again, if it must. */
  public Optional<Duration> blocked(String username, String address) {
    Instant now = clock.instant();
    Optional<Duration> user = wait(userKey(username), maxPerUser, now);
    Optional<Duration> addr = wait(addressKey(address), maxPerAddress, now);
    if (user.isPresent() && addr.isPresent()) {
      return Optional.of(user.get().compareTo(addr.get()) > 0 ? user.get() : addr.get());
    }
    return user.isPresent() ? user : addr;
  }

  /**
   * How long this username must wait, counting only its own failures: for a password asked again of someone
   * already signed in, where the address adds nothing but a way to lock others out.
   */
  public Optional<Duration> blocked(String username) {
    return wait(userKey(username), maxPerUser, clock.instant());
  }

  /** A wrong password given again by someone signed in: counts against the username, as a failed sign-in does. */
  public void failed(String username) {
    add(userKey(username), clock.instant());
  }

  public void failed(String username, String address) {
    Instant now = clock.instant();
    add(userKey(username), now);
    add(addressKey(address), now);
  }

  /** A success clears the username's failures (not the address's: one good account must not unlock guessing). */
  public void succeeded(String username) {
    failures.remove(userKey(username));
  }

  private Optional<Duration> wait(String key, int max, Instant now) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return Optional.empty();
    }
    synchronized (times) {
      prune(times, now);
      if (times.size() < max) {
        return Optional.empty();
      }
      Duration left = Duration.between(now, times.peekFirst().plus(window));
      return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }
  }

  private void add(String key, Instant now) {
    Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      prune(times, now);
      times.addLast(now);
      // bounded: no more than the largest limit is ever needed
      while (times.size() > Math.max(maxPerUser, maxPerAddress)) {
        times.removeFirst();
      }
    }
  }

  private void prune(Deque<Instant> times, Instant now) {
    while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
      times.removeFirst();
    }
  }

  private static String userKey(String username) {
    return "u:" + username.toLowerCase(Locale.ROOT);
  }

  private static String addressKey(String address) {
    return "a:" + address;
  }
}
