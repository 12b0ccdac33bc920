/**
 * The PDF certificate: one A4 landscape page with a QR code and the verification address, the signed credential
 * attached, and reading that credential back out of an uploaded PDF within limits. Apache PDFBox lives here only.
 */
package org.saypro.dcop.sharing.pdf;
