package org.saypro.dcop.community.pages;

import io.micronaut.core.annotation.Nullable;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.saypro.dcop.community.support.Page;
import org.saypro.dcop.community.support.PageRequest;
import org.saypro.dcop.community.webinars.Webinar;

/** Values the community templates show, as plain maps of text (templates use th:text only). */
final class PageModels {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  private PageModels() {}

  /** The page a page path asks for: the default size, continuing from the cursor its "next" link carried. */
  static PageRequest page(@Nullable String cursor) {
    return PageRequest.of(null, cursor);
  }

  /**
   * A model to add to: the page's items under "items", and under "next" the cursor of the next page's link, empty on
   * the last page.
   */
  static <T> Map<String, Object> paged(Page<T> page, Function<T, Map<String, Object>> item) {
    Map<String, Object> model = new HashMap<>();
    model.put("items", page.items().stream().map(item).toList());
    model.put("next", page.next().orElse(""));
    return model;
  }

  static Map<String, Object> webinar(Webinar w) {
    Map<String, Object> model = new HashMap<>();
    model.put("id", w.id().toString());
    model.put("group", w.groupSlug());
    model.put("kind", w.kind());
    model.put("title", w.title());
    model.put("description", w.description());
    model.put("when", WHEN.format(w.startsAt().atZone(w.zone())) + " to " + UNTIL.format(w.endsAt().atZone(w.zone()))
        + " (" + w.zone().getId() + ")");
    model.put("startIso", w.startsAt().toString());
    model.put("capacity", w.capacity());
    model.put("joinUrl", w.joinUrl().map(Object::toString).orElse(""));
    model.put("recordingUrl", w.recordingUrl().map(Object::toString).orElse(""));
    return model;
  }
}
