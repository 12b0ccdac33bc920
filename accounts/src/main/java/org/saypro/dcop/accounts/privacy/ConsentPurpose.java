package org.saypro.dcop.accounts.privacy;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a member may agree to be e-mailed about, each asked separately and off until they tick it. E-mails an issuing
 * organisation sends to deliver a credential are not here: they are the service the organisation asked for (ADR 0027).
 */
public enum ConsentPurpose {
  MENTIONS("mentions", "E-mail me at once when someone mentions me in a forum post or a team channel."),
  DIGESTS("digests", "E-mail me one daily digest of forum mentions (if I chose the daily digest in the forums)."),
  WEBINAR_REMINDERS("webinar-reminders", "E-mail me a reminder before a webinar or workshop I have a seat at.");

  private final String label;
  private final String wording;

  ConsentPurpose(String label, String wording) {
    this.label = label;
    this.wording = wording;
  }

  public String label() {
    return label;
  }

  /** The sentence the member agrees to, shown beside the checkbox. */
  public String wording() {
    return wording;
  }

  public static Optional<ConsentPurpose> fromLabel(String label) {
    return Arrays.stream(values()).filter(p -> p.label.equals(label)).findFirst();
  }

  /**
   * An SQL condition, true when the user in {@code userColumn} currently consents to this purpose; for the queries
   * that write e-mails into the outbox, so the check and the write are one statement.
   */
  public String currentIn(String userColumn) {
    return "exists (select 1 from email_consent ec where ec.user_id = " + userColumn + " and ec.purpose = '" + label
        + "' and ec.withdrawn_at is null)";
  }
}
