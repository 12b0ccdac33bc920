package org.saypro.dcop.issuer.catalogue.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChunkSizeTest {

  @Test
  void fullChunksWhenTheRowsFillWholeRounds() {
    assertEquals(1000, BulkIssuance.chunkSize(100_000, 2, 1000));
    assertEquals(1000, BulkIssuance.chunkSize(10_000, 2, 1000));
  }

  @Test
  void chunksOfOneSizeInAMultipleOfTheThreadsOtherwise() {
    assertEquals(834, BulkIssuance.chunkSize(10_000, 3, 1000), "12 chunks, 4 a thread");
    assertEquals(125, BulkIssuance.chunkSize(250, 2, 1000), "a request of the command line: one chunk a thread");
    for (int rows = 1; rows <= 20_000; rows += 37) {
      for (int threads = 1; threads <= 8; threads++) {
        int size = BulkIssuance.chunkSize(rows, threads, 1000);
        int chunks = (rows + size - 1) / size;
        assertTrue(size >= 1 && size <= 1000, rows + " rows, " + threads + " threads: " + size);
        assertTrue(chunks <= threads || chunks % threads == 0 || chunks > rows - threads,
            rows + " rows, " + threads + " threads: " + chunks + " chunks of " + size);
      }
    }
  }

  @Test
  void neverEmpty() {
    assertEquals(1, BulkIssuance.chunkSize(0, 2, 1000));
    assertEquals(1, BulkIssuance.chunkSize(1, 4, 1000));
  }
}
