/**
 * QR codes with ZXing: encoding a credential page's link or an offline credential as PNG or SVG, and reading a code
 * from an uploaded image within size limits. No web framework here.
 */
package org.saypro.dcop.sharing.qr;
