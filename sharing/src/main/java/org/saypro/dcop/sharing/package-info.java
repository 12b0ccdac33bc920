/**
 * Sharing a credential outside the web page: QR codes, baked Open Badges images and PDF certificates, as pure
 * building blocks. No web framework here; controllers use these.
 */
package org.saypro.dcop.sharing;
