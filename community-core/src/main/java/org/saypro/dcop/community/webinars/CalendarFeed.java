package org.saypro.dcop.community.webinars;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * RFC 5545 calendars of webinars, with ical4j: one VEVENT per session (UID from the webinar's id, so a calendar
 * application updates rather than duplicates it), DTSTART/DTEND in the session's own zone with TZID, and a VTIMEZONE
 * for each zone used. Sessions that ended more than 30 days ago are left out.
 */
@Singleton
public class CalendarFeed {

  private static final Duration PAST = Duration.ofDays(30);

  private final WebinarStore store;
  private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

  CalendarFeed(WebinarStore store) {
    this.store = store;
  }

  @Transactional(readOnly = true)
  public String ofGroup(String group, String name) {
    return write(store.ofGroupSince(group, Instant.now().minus(PAST), Webinars.LISTED), name);
  }

  @Transactional(readOnly = true)
  public String ofMember(UUID user) {
    return write(store.ofMemberSince(user, Instant.now().minus(PAST), Webinars.LISTED), "My webinars");
  }

  String write(List<Webinar> webinars, String name) {
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//SayPro//DCoP Community " + name.replaceAll("[^\\p{L}\\p{N} &-]", "") + "//EN"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    Set<String> zoneIds = new LinkedHashSet<>();
    webinars.forEach(w -> zoneIds.add(w.zone().getId()));
    for (String zone : zoneIds) {
      var timeZone = zones.getTimeZone(zone);
      if (timeZone != null) {
        calendar.add(timeZone.getVTimeZone());
      }
    }
    for (Webinar w : webinars) {
      VEvent event = new VEvent(w.startsAt().atZone(w.zone()), w.endsAt().atZone(w.zone()), w.title());
      event.add(new Uid(w.id() + "@dcop-community"));
      if (!w.description().isEmpty()) {
        event.add(new Description(w.description()));
      }
      w.joinUrl().ifPresent(url -> event.add(new Url(url)));
      calendar.add(event);
    }
    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter().output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
