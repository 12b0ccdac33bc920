package org.saypro.dcop.ledger;

import java.util.Optional;

/** A {@code CheckpointAnchor} contract on one ledger, seen through one account: publishing, reading, deploying. */
public interface AnchorLedger extends PublishAnchor, ReadAnchors, AutoCloseable {

  /**
   * Submits the creation of a new {@code CheckpointAnchor} owned by this ledger's account. The new address is in the
   * receipt ({@link AnchorReceipt#createdContract()}); use it with {@link #withContract}.
   */
  SendResult deploy();

  /** The contract this ledger talks to; empty until one is configured. */
  Optional<String> contractAddress();

  /** The same ledger and account, talking to the contract at {@code address}. Shares the connection. */
  AnchorLedger withContract(String address);

  /** Releases the connection. Ledgers made with {@link #withContract} share it: close one of them, once. */
  @Override
  void close();
}
