package org.saypro.dcop.accounts.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PagePathsTest {

  @ParameterizedTest
  @ValueSource(strings = {"/console", "/console/saypro/credentials?q=x", "/signin?next=%2Fconsole"})
  void localPathsAreWhereSigningInReturnsTo(String next) {
    assertEquals(next, PagePaths.safeReturn(next));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)", "",
      "console", "/console\r\nSet-Cookie: x=y"})
  void anythingElseReturnsToTheConsole(String next) {
    assertEquals("/console", PagePaths.safeReturn(next));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/signin", "/signout", "/console", "/console/saypro/audit", "/c/123/qr.png", "/verify",
      "/my/credentials", "/my/credentials/123/visibility", "/my/privacy", "/my/privacy/erasure"})
  void pages(String path) {
    assertTrue(PagePaths.isPage(path));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/login", "/credentials/issue", "/consoles", "/me/credentials", "/me/personal-data", "/"})
  void apiPaths(String path) {
    assertFalse(PagePaths.isPage(path));
  }
}
