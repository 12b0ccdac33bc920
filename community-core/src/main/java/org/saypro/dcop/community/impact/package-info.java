/**
 * The impact tracker (ADR 0026): a results framework in the manner of IATI (impact, outcome and output results with
 * indicators and targets), data values keyed as in DHIS2 (indicator, period, organisation unit, category option)
 * kept as append-only versions, periods that lock, aggregation over periods and unit subtrees, and values that count
 * themselves from community events and the issuer's credentials.
 */
package org.saypro.dcop.community.impact;
