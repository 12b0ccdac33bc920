package org.saypro.dcop.community.projects;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Optional;

/** One line of a project's timeline: an activity or an output, by date. */
public sealed interface TimelineEntry {

  LocalDate date();

  String byName();

  record Activity(long id, LocalDate date, String description, String byName) implements TimelineEntry {}

  record Output(long id, LocalDate date, String indicator, BigDecimal value, String unit, Optional<URI> evidence,
      String byName) implements TimelineEntry {}
}
