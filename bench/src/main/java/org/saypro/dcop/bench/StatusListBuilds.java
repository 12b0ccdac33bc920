package org.saypro.dcop.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.zip.Deflater;
import org.saypro.dcop.core.status.Bitstring;
import org.saypro.dcop.core.status.EncodedList;
import org.saypro.dcop.core.status.StatusListCredentialBuilder;
import org.saypro.dcop.issuer.status.PublishStatusList;
import org.saypro.dcop.issuer.status.StatusListId;

/**
 * Status lists of 131,072 entries with none, 1 % and 10 % of their bits set at random (seeded): how large the two
 * served bodies are ({@code --status=sizes}), and how long {@link PublishStatusList#rebuild} takes against encoding
 * the same bits with {@link EncodedList#encode} alone, the list's irreducible work ({@code --status=rebuild}).
 *
 * <p>The lists are {@code revocation-2} to {@code -4}, marked full so that issuing never allocates in them. Their set
 * entries are written directly (credential rows and set entries), which is all a build reads. Each rebuild runs in a
 * transaction of its own and is timed with its commit; one thread, medians over the measured repetitions after a
 * warmup of half as many.
 */
final class StatusListBuilds {

  static final double[] FRACTIONS = {0.0, 0.01, 0.10};
  private static final long SEED = 20261123L;

  /** The served bodies of a list with {@code set} bits set. */
  record Size(int set, int diJsonBytes, int vcJwtBytes, int encodedListChars) {}

  /**
   * Medians in microseconds; the info parts are steps of the rebuild timed alone, and raw deflate of the bits at the
   * level the encoder uses (9, best) and at zlib's default (6), with their compressed sizes in bytes.
   */
  record Timing(int set, double rebuild, double encode, double readIndexes, double build, Deflated best,
                Deflated standard) {}

  /** Raw deflate of a list's 16,384 bytes at one level: median microseconds and the compressed size. */
  record Deflated(int level, double micros, int bytes) {}

  record Result(List<Size> sizes, List<Timing> timings, int repetitions) {}

  private final EmbeddedIssuer issuer;
  private final PublishStatusList publish;

  private StatusListBuilds(EmbeddedIssuer issuer) {
    this.issuer = issuer;
    this.publish = issuer.bean(PublishStatusList.class);
  }

  static Result measure(EmbeddedIssuer issuer, int repetitions, boolean timeRebuilds, PrintStream progress) {
    StatusListBuilds bench = new StatusListBuilds(issuer);
    List<Size> sizes = new ArrayList<>();
    List<Timing> timings = new ArrayList<>();
    for (int i = 0; i < FRACTIONS.length; i++) {
      StatusListId id = new StatusListId(StatusListId.Purpose.REVOCATION, 2 + i);
      int[] indexes = randomIndexes((int) Math.round(FRACTIONS[i] * EmbeddedIssuer.LIST_SIZE), SEED + i);
      bench.createList(id, indexes);
      Size size = bench.size(id, indexes);
      sizes.add(size);
      progress.println(String.format(Locale.ROOT, "# status list %s, %,d bits set: JSON %,d bytes, vc+jwt %,d bytes",
          id, size.set(), size.diJsonBytes(), size.vcJwtBytes()));
      if (timeRebuilds) {
        Timing timing = bench.time(id, indexes, repetitions);
        timings.add(timing);
        progress.println(String.format(Locale.ROOT, "# status list %s: rebuild %.2f ms, encode %.3f ms", id,
            timing.rebuild() / 1000, timing.encode() / 1000));
      }
    }
    return new Result(sizes, timings, repetitions);
  }

  /** {@code count} distinct indexes of the list, drawn with a fixed seed, sorted. */
  static int[] randomIndexes(int count, long seed) {
    int[] all = new int[EmbeddedIssuer.LIST_SIZE];
    Arrays.setAll(all, i -> i);
    Random random = new Random(seed);
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(all.length - i);
      int swap = all[i];
      all[i] = all[j];
      all[j] = swap;
    }
    int[] chosen = Arrays.copyOf(all, count);
    Arrays.sort(chosen);
    return chosen;
  }

  private void createList(StatusListId id, int[] indexes) {
    List<UUID> credentials = new ArrayList<>();
    for (int i = 0; i < indexes.length; i++) {
      credentials.add(UUID.randomUUID());
    }
    issuer.transactions.executeWrite(status -> {
      Connection sql = status.getConnection();
      try (PreparedStatement list = sql.prepareStatement(
          "insert into status_list (list_id, purpose, seq, size, full_since) values (?, 'revocation', ?, ?, now())")) {
        list.setString(1, id.toString());
        list.setInt(2, id.seq());
        list.setInt(3, EmbeddedIssuer.LIST_SIZE);
        list.executeUpdate();
      }
      EmbeddedIssuer.insertCredentials(sql, credentials);
      try (PreparedStatement entry = sql.prepareStatement(
          "insert into status_entry (list_id, list_index, credential_uuid, purpose, is_set, changed_at)"
              + " values (?, ?, ?, 'revocation', true, now())")) {
        for (int i = 0; i < indexes.length; i++) {
          entry.setString(1, id.toString());
          entry.setInt(2, indexes[i]);
          entry.setObject(3, credentials.get(i));
          entry.addBatch();
        }
        entry.executeBatch();
      }
      return null;
    });
    issuer.admin("vacuum analyze status_entry, credential, status_list");
  }

  /** Builds the list once and measures what is served; checks that it decodes to exactly these bits. */
  private Size size(StatusListId id, int[] indexes) {
    rebuild(id);
    StoredList stored = StoredList.read(issuer, id.toString());
    if (!stored.bits().equals(bitsOf(indexes))) {
      throw new IllegalStateException("the published " + id + " does not hold the " + indexes.length + " set bits");
    }
    return new Size(indexes.length, stored.diJsonBytes(), stored.vcJwtBytes(), stored.encodedList().length());
  }

  private Timing time(StatusListId id, int[] indexes, int repetitions) {
    Bitstring bits = bitsOf(indexes);
    StatusListCredentialBuilder builder =
        StatusListCredentialBuilder.forList(publish.url(id), "did:web:localhost%3A8080", "revocation", Instant.now())
            .withTtl(Duration.ofMinutes(5));
    double rebuild = median(repetitions, () -> {
      long start = System.nanoTime();
      rebuild(id);
      return System.nanoTime() - start;
    });
    double readIndexes = median(repetitions, () -> {
      long start = System.nanoTime();
      int read = setIndexes(id);
      long elapsed = System.nanoTime() - start;
      if (read != indexes.length) {
        throw new IllegalStateException(id + " has " + read + " set entries, not " + indexes.length);
      }
      return elapsed;
    });
    double build = median(repetitions, () -> {
      long start = System.nanoTime();
      Bitstring fresh = bitsOf(indexes);
      int fields = builder.build(fresh).size();
      return System.nanoTime() - start + (fields == 0 ? 1 : 0);
    });
    // encoding is fast: more repetitions for a steady median
    double encode = median(repetitions * 10, () -> {
      long start = System.nanoTime();
      int length = EncodedList.encode(bits).length();
      return System.nanoTime() - start + (length == 0 ? 1 : 0);
    });
    return new Timing(indexes.length, rebuild / 1000, encode / 1000, readIndexes / 1000, build / 1000,
        deflate(bits, Deflater.BEST_COMPRESSION, repetitions * 10), deflate(bits, 6, repetitions * 10));
  }

  private static Deflated deflate(Bitstring bits, int level, int repetitions) {
    byte[] input = bits.toByteArray();
    byte[] output = new byte[input.length + 1024];
    int[] size = new int[1];
    double nanos = median(repetitions, () -> {
      long start = System.nanoTime();
      Deflater deflater = new Deflater(level, true);
      try {
        deflater.setInput(input);
        deflater.finish();
        size[0] = deflater.deflate(output);
      } finally {
        deflater.end();
      }
      return System.nanoTime() - start;
    });
    return new Deflated(level, nanos / 1000, size[0]);
  }

  private void rebuild(StatusListId id) {
    issuer.transactions.executeWrite(status -> publish.rebuild(id, EmbeddedIssuer.LIST_SIZE));
  }

  /** The rebuild's first step alone: the same query, in a transaction of its own. */
  private int setIndexes(StatusListId id) {
    return issuer.transactions.executeRead(status -> {
      try (PreparedStatement query = status.getConnection().prepareStatement(
          "select list_index from status_entry where list_id = ? and is_set order by list_index")) {
        query.setString(1, id.toString());
        int count = 0;
        try (ResultSet row = query.executeQuery()) {
          while (row.next()) {
            row.getInt(1);
            count++;
          }
        }
        return count;
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  static Bitstring bitsOf(int[] indexes) {
    Bitstring bits = Bitstring.forNewList(EmbeddedIssuer.LIST_SIZE);
    for (int index : indexes) {
      bits.set(index, true);
    }
    return bits;
  }

  /** Median nanoseconds of {@code repetitions} runs after {@code repetitions / 2} unrecorded ones. */
  static double median(int repetitions, LongSupplier run) {
    for (int i = 0; i < repetitions / 2; i++) {
      run.getAsLong();
    }
    long[] nanos = new long[repetitions];
    for (int i = 0; i < repetitions; i++) {
      nanos[i] = run.getAsLong();
    }
    Arrays.sort(nanos);
    return repetitions % 2 == 1 ? nanos[repetitions / 2] : (nanos[repetitions / 2 - 1] + nanos[repetitions / 2]) / 2.0;
  }
}
