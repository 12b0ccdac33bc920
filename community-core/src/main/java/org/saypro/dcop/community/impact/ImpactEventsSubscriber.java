package org.saypro.dcop.community.impact;

import jakarta.inject.Singleton;
import org.saypro.dcop.community.events.CommunityEvent;
import org.saypro.dcop.community.events.EventSubscriber;
import org.saypro.dcop.community.events.EventTypes;

/** Feeds project outputs and webinar attendances into the indicators that count them; redelivery counts once. */
@Singleton
class ImpactEventsSubscriber implements EventSubscriber {

  private final AutomaticValues automatic;

  ImpactEventsSubscriber(AutomaticValues automatic) {
    this.automatic = automatic;
  }

  @Override
  public String name() {
    return "impact-values";
  }

  @Override
  public boolean wants(String eventType) {
    return eventType.equals(EventTypes.OUTPUT_REPORTED) || eventType.equals(EventTypes.WEBINAR_ATTENDED);
  }

  @Override
  public void deliver(CommunityEvent event) {
    if (event.type().equals(EventTypes.OUTPUT_REPORTED)) {
      automatic.outputReported(event);
    } else if (event.type().equals(EventTypes.WEBINAR_ATTENDED)) {
      automatic.webinarAttended(event);
    }
  }
}
