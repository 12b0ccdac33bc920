/**
 * Browser tests' tooling: the system's headless Chromium driven through WebDriver, and axe-core accessibility checks.
 * Tests only; nothing here starts a server or knows about a particular page.
 */
package org.saypro.dcop.app.browser;
