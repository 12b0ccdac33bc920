package org.saypro.dcop.accounts.web;

import java.util.List;

/** The paths served as web pages rather than API: their errors are pages, and they carry the page headers. */
public final class PagePaths {

  private static final List<String> EXACT = List.of("/signin", "/signout", "/console", "/verify", "/my/credentials",
      "/my/badges", "/my/privacy", "/groups", "/webinars", "/forums", "/channels", "/library", "/impact");
  private static final List<String> PREFIXES =
      List.of("/console/", "/c/", "/my/credentials/", "/my/privacy/", "/groups/", "/webinars/", "/projects/", "/forums/",
          "/channels/", "/library/", "/impact/");

  private PagePaths() {}

  public static boolean isPage(String path) {
    return EXACT.contains(path) || PREFIXES.stream().anyMatch(path::startsWith);
  }

  /** A path to return to after signing in: local paths only, so the parameter cannot send anyone off-site. */
  public static String safeReturn(String next) {
    boolean local = next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\")
        && next.length() <= 500 && next.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    return local ? next : "/console";
  }
}
