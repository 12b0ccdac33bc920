package org.saypro.dcop.core.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.saypro.dcop.core.status.StatusOutcome.Problem;
import org.saypro.dcop.core.status.StatusOutcome.Reason;

/**
 * The Validate Algorithm of Bitstring Status List v1.0 (section 3.2) from the point where the list credential has
 * been fetched and its proofs verified: does this list answer for this entry, and is the entry's bit set? Pure: no
 * fetching, no clock, no trust decisions.
 */
public final class StatusCheck {

  private final EncodedList decoder;
  private final long minimumEntries;

  /**
   * {@code minimumEntries} is the specification's minimumNumberOfEntries: 131,072 unless an ecosystem sets another
   * lower bound.
   */
  public StatusCheck(EncodedList decoder, long minimumEntries) {
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    if (minimumEntries < 0) {
      throw new IllegalArgumentException("minimumEntries must not be negative");
    }
    this.minimumEntries = minimumEntries;
  }

  /** The specification's minimum of 131,072 entries and lists of at most 16 MiB. */
  public static StatusCheck standard() {
    return new StatusCheck(EncodedList.standard(), Bitstring.MIN_ENTRIES);
  }

  /** Decodes the list's encodedList and checks the entry against it. */
  public StatusOutcome check(BitstringStatusListEntry entry, BitstringStatusListCredential list) {
    List<Reason> reasons = matching(entry, list);
    Bitstring bits;
    try {
      bits = decoder.decode(list.subject().encodedList());
    } catch (EncodedListException e) {
      reasons.add(new Reason(Problem.MALFORMED_LIST, "the status list's encodedList is unusable: " + e.getMessage()));
      return new StatusOutcome.Mismatch(reasons);
    }
    return read(entry, bits, reasons);
  }

  /**
   * Checks the entry against a list decoded earlier, e.g. one cached for its ttl; {@code decoded} must be the
   * decoding of {@code list}'s encodedList.
   */
  public StatusOutcome check(BitstringStatusListEntry entry, BitstringStatusListCredential list, Bitstring decoded) {
    return read(entry, decoded, matching(entry, list));
  }

  /** Whether the list is the one the entry names, for the entry's purpose, in a form this implementation reads. */
  private static List<Reason> matching(BitstringStatusListEntry entry, BitstringStatusListCredential list) {
    List<Reason> reasons = new ArrayList<>();
    // The id is optional (MAY); when present it must name the list the entry points to.
    if (list.id().isPresent() && !list.id().get().equals(entry.statusListCredential())) {
      reasons.add(new Reason(Problem.LIST_CREDENTIAL_MISMATCH,
          "the status list credential is " + list.id().get() + ", but the entry names " + entry.statusListCredential()));
    }
    if (!list.subject().statusPurpose().contains(entry.statusPurpose())) {
      reasons.add(new Reason(Problem.PURPOSE_MISMATCH,
          "the entry's purpose '" + entry.statusPurpose() + "' is not among the list's " + list.subject().statusPurpose()));
    }
    if (entry.statusSize() != 1) {
      reasons.add(new Reason(Problem.UNSUPPORTED_STATUS_SIZE,
          "statusSize " + entry.statusSize() + " is not supported; only 1-bit statuses are read"));
    }
    return reasons;
  }

  private StatusOutcome read(BitstringStatusListEntry entry, Bitstring bits, List<Reason> reasons) {
    if (bits.length() < minimumEntries) {
      reasons.add(new Reason(Problem.LIST_TOO_SHORT,
          "the status list has " + bits.length() + " entries, fewer than the minimum of " + minimumEntries));
    }
    OptionalLong index = entry.index();
    if (index.isEmpty() || index.getAsLong() >= bits.length()) {
      reasons.add(new Reason(Problem.INDEX_OUT_OF_RANGE,
          "statusListIndex " + abbreviate(entry.statusListIndex()) + " is beyond the list's " + bits.length()
              + " entries"));
    }
    if (!reasons.isEmpty()) {
      return new StatusOutcome.Mismatch(reasons);
    }
    long at = index.getAsLong();
    boolean set = bits.get(at);
    String message = entry.messageFor(set ? 1 : 0).orElse(set ? "set" : "unset");
    return set
        ? new StatusOutcome.Set(entry.statusPurpose(), at, message)
        : new StatusOutcome.Unset(entry.statusPurpose(), at, message);
  }

  /** Indexes may be any length of digits; a report needs only enough of one to recognize it. */
  private static String abbreviate(String digits) {
    return digits.length() <= 40 ? digits : digits.substring(0, 20) + "…(" + digits.length() + " digits)";
  }
}
