/**
 * Anchoring of transparency-log checkpoints on an Ethereum ledger.
 *
 * <p>The ports are {@link org.saypro.dcop.ledger.PublishAnchor} (submit an anchor, follow its receipt) and
 * {@link org.saypro.dcop.ledger.ReadAnchors} (read anchored roots and the {@code Anchored} events back);
 * {@link org.saypro.dcop.ledger.AnchorLedger} is both plus deployment. {@link org.saypro.dcop.ledger.Web3jAnchorLedger}
 * implements them over JSON-RPC with web3j against the {@code CheckpointAnchor} contract whose ABI and bytecode ship in
 * {@code contracts/} on the classpath. {@link org.saypro.dcop.ledger.LocalDevChain} runs a local anvil node for
 * development and tests.
 */
package org.saypro.dcop.ledger;
