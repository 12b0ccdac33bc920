/**
 * Anchoring of transparency-log checkpoints on an Ethereum ledger. Empty until the transparency-log issue; it exists
 * now so the module boundary is fixed from the start.
 */
package org.saypro.dcop.ledger;
