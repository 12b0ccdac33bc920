package org.saypro.dcop.issuer.status;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.saypro.dcop.core.status.StatusPurpose;

/** A list's name in URLs and the database: {@code <purpose>-<sequence number>}, e.g. {@code revocation-1}. */
public record StatusListId(Purpose purpose, int seq) {

  private static final Pattern FORM = Pattern.compile("(revocation|suspension)-([1-9][0-9]{0,8})");

  /** The purposes this issuer publishes. */
  public enum Purpose {
    REVOCATION(StatusPurpose.REVOCATION),
    SUSPENSION(StatusPurpose.SUSPENSION);

    private final String label;

    Purpose(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public static Optional<Purpose> fromLabel(String label) {
      for (Purpose purpose : values()) {
        if (purpose.label.equals(label)) {
          return Optional.of(purpose);
        }
      }
      return Optional.empty();
    }
  }

  public StatusListId {
    if (purpose == null || seq < 1) {
      throw new IllegalArgumentException("a status list has a purpose and a sequence number from 1");
    }
  }

  public static Optional<StatusListId> parse(String text) {
    Matcher matcher = FORM.matcher(text == null ? "" : text);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(new StatusListId(Purpose.fromLabel(matcher.group(1)).orElseThrow(),
        Integer.parseInt(matcher.group(2))));
  }

  @Override
  public String toString() {
    return purpose.label() + "-" + seq;
  }
}
