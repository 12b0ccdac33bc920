/**
 * Server-rendered community pages (no JavaScript): groups with join and leave, the webinar calendar with registration,
 * the attendance upload with its row report, and project timelines. Same use cases and access rules as the API.
 */
package org.saypro.dcop.community.pages;
