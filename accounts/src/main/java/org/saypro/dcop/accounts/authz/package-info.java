/**
 * Authorisation: the one service that decides who may act for which organisation. Controllers ask it at their
 * boundary; nothing else compares roles.
 */
package org.saypro.dcop.accounts.authz;
