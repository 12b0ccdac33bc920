package org.saypro.dcop.issuer.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClaimTokenCodecTest {

  private static final byte[] KEY = new byte[32];
  private final ClaimTokenCodec codec = new ClaimTokenCodec(KEY);
  private final ClaimTokenCodec.Claimable claimable =
      new ClaimTokenCodec.Claimable(UUID.randomUUID(), Instant.parse("2027-02-22T07:30:00Z"));

  @Test
  void aTokenOpensWhatItWasMadeFor() {
    String token = codec.encode(claimable);
    assertEquals(ClaimTokenCodec.LENGTH, token.length());
    assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
    assertEquals(Optional.of(claimable), codec.decode(token));
    assertEquals(Optional.of(claimable), new ClaimTokenCodec(KEY.clone()).decode(token), "after a restart");
  }

  @Test
  void changingAnyBitOfATokenMakesItOpenNothing() {
    byte[] token = Base64.getUrlDecoder().decode(codec.encode(claimable));
    for (int bit = 0; bit < token.length * 8; bit++) {
      byte[] flipped = token.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      assertEquals(Optional.empty(), codec.decode(Base64.getUrlEncoder().withoutPadding().encodeToString(flipped)),
          "bit " + bit);
    }
  }

  @Test
  void anotherKeysTokensAndMalformedTextOpenNothing() {
    byte[] other = new byte[32];
    other[0] = 1;
    assertEquals(Optional.empty(), codec.decode(new ClaimTokenCodec(other).encode(claimable)));
    String token = codec.encode(claimable);
    for (String bad : new String[] {null, "", token.substring(1), token + "A", token.replace(token.charAt(5), '+'),
        token.substring(0, ClaimTokenCodec.LENGTH - 1) + "=", "A".repeat(43)}) {
      assertEquals(Optional.empty(), codec.decode(bad), String.valueOf(bad));
    }
  }
}
