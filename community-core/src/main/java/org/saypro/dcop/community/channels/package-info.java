/**
 * Team channels: members-only messaging spaces of a working group, a project or a task force (issue 9, ADR 25).
 * Who is a member is decided by {@code CommunityAccess} alone, in Java and inside every query.
 */
package org.saypro.dcop.community.channels;
