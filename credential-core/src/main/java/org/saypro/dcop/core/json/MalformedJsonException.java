package org.saypro.dcop.core.json;

/** The input is not JSON at all; the message says where and why, without echoing the input. */
public final class MalformedJsonException extends RuntimeException {
  public MalformedJsonException(String message) {
    super(message, null, false, false);
  }
}
