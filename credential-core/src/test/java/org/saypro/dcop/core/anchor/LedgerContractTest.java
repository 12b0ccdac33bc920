package org.saypro.dcop.core.anchor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LedgerContractTest {

  @Test
  void readsAndWritesCaip10WithTheAddressInLowerCase() {
    LedgerContract contract = LedgerContract.parseCaip10("eip155:11155111:0x5FbDB2315678afecb367f032d93F642f64180aa3");
    assertEquals(11155111, contract.chainId());
    assertEquals("0x5fbdb2315678afecb367f032d93f642f64180aa3", contract.address());
    assertEquals("eip155:11155111:0x5fbdb2315678afecb367f032d93f642f64180aa3", contract.caip10());
    assertEquals(contract, LedgerContract.parseCaip10(contract.caip10()));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "eip155:1", "eip155:0:0x5fbdb2315678afecb367f032d93f642f64180aa3",
      "eip155:-1:0x5fbdb2315678afecb367f032d93f642f64180aa3", "cosmos:1:0x5fbdb2315678afecb367f032d93f642f64180aa3",
      "eip155:1:0x5fbdb2315678afecb367f032d93f642f64180aa", "eip155:1:5fbdb2315678afecb367f032d93f642f64180aa3",
      "eip155:1:0x5fbdb2315678afecb367f032d93f642f64180aa3 ", "eip155:01:0x5fbdb2315678afecb367f032d93f642f64180aa3"})
  void refusesAnythingElse(String text) {
    assertThrows(IllegalArgumentException.class, () -> LedgerContract.parseCaip10(text));
  }
}
