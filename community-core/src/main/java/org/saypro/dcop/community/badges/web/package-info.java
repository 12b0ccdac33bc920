/**
 * Badge rules over HTTP: the JSON API and the console and member pages. Every decision of who may do what is the
 * accounts Authorizer's; nothing here decides it.
 */
package org.saypro.dcop.community.badges.web;
