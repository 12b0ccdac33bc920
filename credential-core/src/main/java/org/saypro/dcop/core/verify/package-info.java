/**
 * Verification as independent named checks (format, signature, issuer, validity) gathered into one report. A
 * credential that fails a check is a normal result, never an exception.
 */
package org.saypro.dcop.core.verify;
