/**
 * Bulk issuance from a CSV file: the whole file is checked first and every bad row reported by line and column;
 * rows are then awarded in parallel, each idempotent, so a file uploaded twice or a run resumed issues nothing twice.
 */
package org.saypro.dcop.issuer.catalogue.bulk;
