/**
 * The community of practice: working groups, webinars, projects, and the events they emit (see {@code events}). It
 * knows nothing about credentials: badge rules turn its events into awards through a port the issuer implements.
 */
package org.saypro.dcop.community;
