package org.saypro.dcop.sharing.baking;

/** A PNG file that breaks the format; the message says how, in words fit for the person who uploaded it. */
final class PngFormatException extends Exception {
  PngFormatException(String message) {
    super(message, null, false, false);
  }
}
