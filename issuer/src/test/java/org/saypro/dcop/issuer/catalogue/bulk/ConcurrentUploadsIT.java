package org.saypro.dcop.issuer.catalogue.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.accounts.audit.AuditEvent;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.issuer.catalogue.AwardQualification;
import org.saypro.dcop.issuer.catalogue.Catalogue;
import org.saypro.dcop.issuer.catalogue.Qualification;
import org.saypro.dcop.issuer.log.LogDatabase;

/**
 * Uploads awarded at the same time, on a real PostgreSQL, share one limit of chunks in flight: each chunk is a real
 * award of its rows, counted while it runs.
 */
class ConcurrentUploadsIT {

  @TempDir static Path directory;
  private static LogDatabase database;
  private static Organisation saypro;
  private static Qualification badge;

  @BeforeAll
  static void start() {
    // learner e-mails as application.yml sets them without an SMTP host: queued, not sent
    database = LogDatabase.start(directory, 256, Map.of("dcop.mail.smtp-port", 587,
        "dcop.mail.from", "DCoP Credentials <no-reply@localhost>", "dcop.mail.starttls", true,
        "dcop.mail.interval", "1h", "dcop.mail.claim-validity", "90d"));
    Catalogue catalogue = database.context.getBean(Catalogue.class);
    saypro = catalogue.organisation(Organisation.SAYPRO_SLUG).orElseThrow();
    badge = new Qualification(UUID.randomUUID(), saypro.id(), "CONCURRENT-UPLOADS", "Concurrent uploads badge",
        "Awarded by ConcurrentUploadsIT.", "Be a row of one of its files.", "Badge", OptionalInt.empty(),
        OptionalInt.empty(), List.of(), Instant.now());
    assertTrue(catalogue.add(badge));
  }

  @AfterAll
  static void stop() {
    database.close();
  }

  @Test
  void threeUploadsAtOnceNeverHaveMoreChunksInFlightThanThreads() throws Exception {
    AwardQualification real = database.context.getBean(AwardQualification.class);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    BulkIssuance.ChunkAward counted = (organisation, qualification, awards, actor) -> {
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        return real.award(organisation, qualification, awards, actor, true);
      } finally {
        running.decrementAndGet();
      }
    };
    // 2 threads per upload and 3 uploads: without the shared limit, up to 6 chunks would run at once
    BulkIssuance bulk = new BulkIssuance(counted, 2, 5);
    int uploads = 3;
    int rows = 40;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService officers = Executors.newFixedThreadPool(uploads);
    try {
      List<Future<List<RowOutcome>>> results = new ArrayList<>();
      for (int u = 0; u < uploads; u++) {
        BulkFile file = BulkFile.read(csv("upload" + u, rows));
        results.add(officers.submit(() -> {
          go.await();
          return bulk.award(saypro, badge, file.rows(), AuditEvent.SYSTEM);
        }));
      }
      go.countDown();
      for (Future<List<RowOutcome>> result : results) {
        List<RowOutcome> outcomes = result.get();
        assertEquals(rows, outcomes.stream().filter(o -> o instanceof RowOutcome.Awarded a && !a.replayed()).count(),
            outcomes.toString());
      }
    } finally {
      officers.shutdownNow();
    }
    assertEquals(2, most.get(), "at most 2 chunks in flight, and the uploads did overlap");
    assertEquals(uploads * rows, database.count("select count(*) from idempotency_key where idempotency_key like"
        + " 'award:%'"));
  }

  private static byte[] csv(String tag, int rows) {
    StringBuilder out = new StringBuilder("email,name\r\n");
    for (int i = 0; i < rows; i++) {
      out.append("learner-").append(tag).append('-').append(i).append("@uploads.example,Learner ").append(i)
          .append("\r\n");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
