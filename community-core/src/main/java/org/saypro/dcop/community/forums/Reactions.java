package org.saypro.dcop.community.forums;

import java.util.List;

/** The fixed set of reaction kinds (the database checks the same list). */
public final class Reactions {

  public static final List<String> KINDS = List.of("like", "thanks", "insightful");

  private Reactions() {}
}
