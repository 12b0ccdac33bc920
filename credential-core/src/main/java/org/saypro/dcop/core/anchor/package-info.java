/**
 * The port through which signed log checkpoints are anchored on a ledger. The issuer depends on this port only; the
 * ledger-adapter module implements it with web3j.
 */
package org.saypro.dcop.core.anchor;
