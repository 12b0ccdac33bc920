/**
 * The community's JSON API under /community: controllers that read requests, ask CommunityAccess and call the use
 * cases in groups, webinars and projects. No SQL and no authorisation rules of their own.
 */
package org.saypro.dcop.community.api;
