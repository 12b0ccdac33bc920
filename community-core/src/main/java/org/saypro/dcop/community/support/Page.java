package org.saypro.dcop.community.support;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of a list, and the cursor of the next page; no cursor on the last page. */
public record Page<T>(List<T> items, Optional<String> next) {

  public Page {
    items = List.copyOf(items);
    Objects.requireNonNull(next, "next");
  }
}
