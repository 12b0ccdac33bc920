package org.saypro.dcop.issuer.status;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.saypro.dcop.core.status.StatusPurpose;

/**
 * A list's name in the database: {@code <purpose>-<sequence number>} (e.g. {@code revocation-1}) for the service's
 * own DID, {@code <slug>/<purpose>-<n>} for an organisation issuing under its own DID.
 *
 * @param owner the organisation's slug, or {@code ""} for the service's own DID (whose lists keep their first URLs)
 */
public record StatusListId(String owner, Purpose purpose, int seq) {

  /** The service's own lists. */
  public static final String SERVICE = "";

  private static final Pattern FORM =
      Pattern.compile("(?:([a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?)/)?(revocation|suspension)-([1-9][0-9]{0,8})");

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

  /** A list of the service's own DID. */
  public StatusListId(Purpose purpose, int seq) {
    this(SERVICE, purpose, seq);
  }

  public StatusListId {
    if (owner == null || !(owner.isEmpty() || owner.matches("[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?"))) {
      throw new IllegalArgumentException("a status list's owner is an organisation slug or empty");
    }
    if (purpose == null || seq < 1) {
      throw new IllegalArgumentException("a status list has a purpose and a sequence number from 1");
    }
  }

  public static Optional<StatusListId> parse(String text) {
    Matcher matcher = FORM.matcher(text == null ? "" : text);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(new StatusListId(matcher.group(1) == null ? SERVICE : matcher.group(1),
        Purpose.fromLabel(matcher.group(2)).orElseThrow(), Integer.parseInt(matcher.group(3))));
  }

  /** The name within its owner's lists, as in the URL's last segment: {@code revocation-1}. */
  public String name() {
    return purpose.label() + "-" + seq;
  }

  @Override
  public String toString() {
    return owner.isEmpty() ? name() : owner + "/" + name();
  }
}
