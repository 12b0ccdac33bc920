/**
 * The composition root: the command line, start-up and shutdown order, and the embedded PostgreSQL default. No
 * domain rules and no HTTP endpoints live here.
 */
package org.saypro.dcop.app;
