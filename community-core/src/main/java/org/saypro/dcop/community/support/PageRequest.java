package org.saypro.dcop.community.support;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/**
 * Which page of a list to read: its size (bounded) and the cursor the previous page gave, if any. Time-ordered lists
 * use keyset cursors ({@link Keyset}); ranked lists (searches, filtered library lists) use offsets, bounded by
 * {@link #MAX_OFFSET}, because a rank is not a stable key. Stores read {@link #fetch} rows: the one beyond the size
 * only says that a next page exists.
 */
public record PageRequest(int size, Optional<String> cursor) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 100;
  /** Deepest offset a ranked list goes: past it, narrower words find more than paging would. */
  public static final int MAX_OFFSET = 10_000;
  private static final int MAX_CURSOR = 100;

  public PageRequest {
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("a page has 1 to " + MAX_SIZE + " items");
    }
    cursor = cursor.filter(c -> !c.isBlank());
  }

  public static PageRequest first() {
    return new PageRequest(DEFAULT_SIZE, Optional.empty());
  }

  /** From the query parameters "limit" and "cursor"; 400 naming them when they are not valid. */
  public static PageRequest of(@Nullable String limit, @Nullable String cursor) {
    List<FieldError> errors = new ArrayList<>();
    int size = DEFAULT_SIZE;
    if (limit != null && !limit.isBlank()) {
      try {
        size = Integer.parseInt(limit.strip());
      } catch (NumberFormatException e) {
        size = -1;
      }
      if (size < 1 || size > MAX_SIZE) {
        errors.add(new FieldError("/limit", "must be a whole number from 1 to " + MAX_SIZE));
      }
    }
    if (cursor != null && cursor.length() > MAX_CURSOR) {
      errors.add(new FieldError("/cursor", "is not a cursor this list gave"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "the page is not valid", errors);
    }
    return new PageRequest(size, Optional.ofNullable(cursor));
  }

  /** Rows to read: one more than the page, to learn whether another page follows. */
  public int fetch() {
    return size + 1;
  }

  /** Where the previous page of a time-ordered list ended; 400 for a cursor of another kind. */
  public Optional<Keyset> keyset() {
    return cursor.map(c -> {
      try {
        return Keyset.decode(c);
      } catch (RuntimeException e) {
        throw badCursor();
      }
    });
  }

  /** Rows of a ranked list to skip; 400 for a cursor of another kind. */
  public int offset() {
    return cursor.map(c -> {
      try {
        int offset = Integer.parseInt(c.substring(c.startsWith("o") ? 1 : c.length()));
        if (offset < 0 || offset > MAX_OFFSET) {
          throw badCursor();
        }
        return offset;
      } catch (NumberFormatException e) {
        throw badCursor();
      }
    }).orElse(0);
  }

  /** The page of a time-ordered list, read with {@link #fetch} rows. */
  public <T> Page<T> keysetPage(List<T> rows, Function<T, Keyset> key) {
    if (rows.size() <= size) {
      return new Page<>(rows, Optional.empty());
    }
    List<T> items = rows.subList(0, size);
    return new Page<>(items, Optional.of(key.apply(items.get(size - 1)).encode()));
  }

  /** The page of a ranked list, read with {@link #fetch} rows from {@link #offset}. */
  public <T> Page<T> offsetPage(List<T> rows) {
    int next = offset() + size;
    boolean more = rows.size() > size && next <= MAX_OFFSET;
    return new Page<>(rows.subList(0, Math.min(size, rows.size())), more ? Optional.of("o" + next)
        : Optional.empty());
  }

  private static ProblemException badCursor() {
    return new ProblemException(ProblemType.INVALID_REQUEST, "the page is not valid",
        List.of(new FieldError("/cursor", "is not a cursor this list gave")));
  }
}
