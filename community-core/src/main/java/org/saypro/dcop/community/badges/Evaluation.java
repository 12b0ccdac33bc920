package org.saypro.dcop.community.badges;

import java.time.Instant;
import java.util.List;
import org.saypro.dcop.community.events.CommunityEvent;

/** Whether a learner's events meet a rule's condition, and if so which events did. */
public sealed interface Evaluation {

  /**
   * @param at the end of the window in which the condition held (the latest event that counted)
   * @param satisfying the events that met it, newest first: the award's evidence
   */
  record Met(Instant at, List<CommunityEvent> satisfying) implements Evaluation {
    public Met {
      satisfying = List.copyOf(satisfying);
    }
  }

  record NotMet() implements Evaluation {}
}
