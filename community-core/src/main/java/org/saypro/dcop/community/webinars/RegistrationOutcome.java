package org.saypro.dcop.community.webinars;

/** What registering did. */
public sealed interface RegistrationOutcome {

  /** A seat is held. */
  record Registered(boolean already) implements RegistrationOutcome {}

  /** No seat was free: the member waits at this place (1 = next to be promoted). */
  record Waiting(int place, boolean already) implements RegistrationOutcome {}

  /** The webinar has ended: nobody registers for the past. */
  record Ended() implements RegistrationOutcome {}
}
