package org.saypro.dcop.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.saypro.dcop.ledger.testing.AnvilExtension;

/** One anchor costs the same execution gas whether its checkpoint covers ten credentials or a billion. */
@ExtendWith(AnvilExtension.class)
class AnchorGasIT {

  @Test
  void anchorGasDoesNotGrowWithTheBatch(LedgerSettings settings) {
    AnchorGasMeter.Measurement m =
        AnchorGasMeter.measure(settings, 1, 10, 1_000, 1_000_000, 1_000_000_000, 1_000_000_000_000L);
    System.out.print(m);

    assertTrue(m.executionGasIsConstant(), m.toString());
    // Calldata is the only difference: at most 7 more non-zero size bytes and 32 root bytes at 12 gas each.
    assertTrue(m.maxSteadyGas() - m.minSteadyGas() <= 12 * (7 + 32), m.toString());
    assertTrue(m.maxSteadyGas() < 60_000, m.toString());
    // The first anchor also initialises the latest-size slot: 20,000 instead of 2,900 gas.
    assertEquals(
        20_000 - 2_900, m.first().executionGas() - m.steady().get(0).executionGas(), m.toString());
  }
}
