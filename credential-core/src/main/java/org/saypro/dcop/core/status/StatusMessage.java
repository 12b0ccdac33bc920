package org.saypro.dcop.core.status;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One element of an entry's {@code statusMessage}: the status value in hexadecimal ({@code 0x1}) and a message meant
 * for developers, not end users. Other properties an issuer adds are allowed and not kept.
 */
public record StatusMessage(String status, String message) {

  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");

  public StatusMessage {
    Objects.requireNonNull(message, "message");
    if (status == null || !HEX.matcher(status).matches()) {
      throw new IllegalArgumentException("a status message's status is 0x followed by hexadecimal digits: " + status);
    }
  }

  public static boolean isValidStatus(String status) {
    return status != null && HEX.matcher(status).matches();
  }

  /** Whether this message is for the status value {@code value}; leading zeros do not matter. */
  public boolean denotes(long value) {
    String digits = status.substring(2).replaceFirst("^0+(?=.)", "");
    return digits.length() <= 16 && Long.parseUnsignedLong(digits, 16) == value;
  }
}
