/**
 * The pure issuing pipeline: options, identifier assignment, validation, signing. Storage, idempotency and key
 * custody belong to the issuer module; this package never touches a database or the network.
 */
package org.saypro.dcop.core.issue;
