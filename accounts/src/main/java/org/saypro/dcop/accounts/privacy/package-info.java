/**
 * Personal data across modules: the {@link org.saypro.dcop.accounts.privacy.PersonalDataSection} port each module
 * implements, the export and the one-transaction erasure over all of them, and explicit e-mail consent (ADR 0027).
 * Sections never export secrets verbatim.
 */
package org.saypro.dcop.accounts.privacy;
