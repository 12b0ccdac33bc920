package org.saypro.dcop.community.resources;

import java.util.Locale;

/** How a stored version is named when it is downloaded. */
public final class Downloads {

  private Downloads() {}

  /**
   * The Content-Disposition header: always an attachment, so a browser saves the file instead of showing it, and a
   * file name of safe characters only (the stored name is the uploader's and may hold quotes or line breaks).
   */
  public static String disposition(ResourceVersion version) {
    String name = version.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
    if (name.length() > 100) {
      name = name.substring(name.length() - 100);
    }
    if (name.isEmpty() || name.startsWith(".")) {
      name = "resource-v" + version.version() + name.toLowerCase(Locale.ROOT);
    }
    return "attachment; filename=\"" + name + "\"";
  }
}
