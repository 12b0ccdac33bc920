/**
 * Every community authorisation decision: who coordinates a group, who may set coordinators, who works on a project.
 * It builds on accounts' Authorizer (sign-in, platform and organisation admins) and reads the community's own rows.
 */
package org.saypro.dcop.community.access;
