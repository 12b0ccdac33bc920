/**
 * The officer console: server-rendered pages over the same services and the same {@code Authorizer} decisions as
 * the API (catalogue, awards, bulk upload, issued credentials and their status, audit). Pages read the session
 * cookie; every form carries the session's form token.
 */
package org.saypro.dcop.issuer.console;
