package org.saypro.dcop.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.saypro.dcop.ledger.testing.AnvilExtension;

/** The extension gives every test of a class the same running chain. */
@ExtendWith(AnvilExtension.class)
class AnvilExtensionIT {

  private static LocalDevChain started;

  @BeforeAll
  static void remember(LocalDevChain chain) {
    started = chain;
  }

  @Test
  void injectsARunningChainOnLoopback(LocalDevChain chain, LedgerSettings settings) {
    assertSame(started, chain);
    assertTrue(chain.isRunning());
    assertTrue(chain.rpcUrl().startsWith("http://127.0.0.1:"));
    assertEquals(LocalDevChain.DEFAULT_CHAIN_ID, chain.chainId());
    assertEquals(chain.rpcUrl(), settings.rpcUrl());
    try (Web3jAnchorLedger ledger = Web3jAnchorLedger.connect(settings)) {
      assertTrue(ledger.blockNumber() >= 0);
    }
  }

  @Test
  void sharesTheChainAcrossTests(LocalDevChain chain) {
    assertSame(started, chain);
  }
}
