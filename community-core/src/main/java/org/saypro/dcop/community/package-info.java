/**
 * The community of practice: working groups, webinars, projects, forums. It emits events and knows nothing about
 * credentials. Empty until the community issues; it exists now so the module boundary is fixed from the start.
 */
package org.saypro.dcop.community;
