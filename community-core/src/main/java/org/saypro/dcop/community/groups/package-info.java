/**
 * Working groups: the six seeded themes, membership (members join and leave themselves), coordinators and the member
 * directory with stakeholder types. Joining emits member.joined in the joining transaction.
 */
package org.saypro.dcop.community.groups;
