/**
 * What every server-rendered page shares: the session cookie, form tokens against cross-site requests, the sign-in
 * page, security headers and errors shown as pages. Pages are Thymeleaf templates under {@code views/}; values are
 * written with {@code th:text} only, which escapes them.
 */
package org.saypro.dcop.accounts.web;
