/**
 * W3C Bitstring Status List v1.0, pure and offline: the bitstring, its {@code encodedList} form, status list entries
 * and status list credentials as values, the status check of one entry against a list, and index allocation.
 * Fetching lists, verifying their proofs and storing who holds which index live elsewhere.
 */
package org.saypro.dcop.core.status;
