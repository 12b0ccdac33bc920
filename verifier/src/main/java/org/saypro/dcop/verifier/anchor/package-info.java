/** The anchor check: a credential's place in the transparency log, proven up to a checkpoint recorded on the ledger. */
package org.saypro.dcop.verifier.anchor;
