/**
 * The community's sections of a member's personal data (ADR 0027): what groups, webinars, projects, forums, channels,
 * the library and badges hold about a member, exported and erased through accounts' PersonalDataSection port.
 */
package org.saypro.dcop.community.privacy;
