package org.saypro.dcop.community.events;

import java.util.Set;

/** The event types: stable names, stored in the database and written in badge rules. */
public final class EventTypes {

  public static final String MEMBER_JOINED = "member.joined";
  public static final String WEBINAR_ATTENDED = "webinar.attended";
  public static final String OUTPUT_REPORTED = "project.output-reported";
  public static final String RESOURCE_PUBLISHED = "resource.published";
  public static final String ANSWER_ACCEPTED = "answer.accepted";

  public static final Set<String> ALL =
      Set.of(MEMBER_JOINED, WEBINAR_ATTENDED, OUTPUT_REPORTED, RESOURCE_PUBLISHED, ANSWER_ACCEPTED);

  private EventTypes() {}
}
