/**
 * The offline QR form of a credential (ADR 17): its minimal Open Badges content, and the codec that packs a signed
 * vc+jwt as zlib + Base45 text for QR alphanumeric mode. Pure Java: no QR library and no framework here.
 */
package org.saypro.dcop.core.offline;
