/**
 * Partnership projects of a working group: partners, members, an activity log and measurable outputs, read back as
 * one timeline. Reporting an output emits project.output-reported in the reporting transaction.
 */
package org.saypro.dcop.community.projects;
