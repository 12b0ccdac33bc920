package org.saypro.dcop.core.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.saypro.dcop.core.status.StatusOutcome.Problem;

class StatusCheckTest {

  static final String LIST = "https://example.com/credentials/status/3";
  static final StatusCheck CHECK = StatusCheck.standard();

  @Test
  void theSpecificationsExamplesAnswerUnset() {
    // Example 1's revocation entry against Example 3's list, which is all zero.
    JsonNode credential = StatusVectors.read("entries", "spec-example-1-credential.good.json").get("credential");
    List<BitstringStatusListEntry> entries = valid(StatusEntryParser.entriesOf(credential));
    BitstringStatusListCredential list = specList();

    StatusOutcome revocation = CHECK.check(entries.get(0), list);
    assertEquals(new StatusOutcome.Unset("revocation", 94_567, "unset"), revocation);
    assertFalse(revocation.isSet());

    // Its suspension entry names another list (status/4) for another purpose: this list cannot answer for it.
    StatusOutcome.Mismatch suspension = assertInstanceOf(StatusOutcome.Mismatch.class, CHECK.check(entries.get(1), list));
    assertEquals(
        List.of(Problem.LIST_CREDENTIAL_MISMATCH, Problem.PURPOSE_MISMATCH),
        suspension.reasons().stream().map(StatusOutcome.Reason::problem).toList());
    assertTrue(suspension.describe().contains("https://example.com/credentials/status/4"), suspension.describe());
  }

  @Test
  void aSetBitIsSet() {
    Bitstring bits = Bitstring.forNewList(Bitstring.MIN_ENTRIES);
    bits.set(94_567, true);
    StatusOutcome outcome = CHECK.check(entry("revocation", "94567"), list(Optional.of(LIST), bits, "revocation"));
    assertEquals(new StatusOutcome.Set("revocation", 94_567, "set"), outcome);
    assertTrue(outcome.isSet());
    assertInstanceOf(StatusOutcome.Unset.class,
        CHECK.check(entry("revocation", "94566"), list(Optional.of(LIST), bits, "revocation")));
    assertInstanceOf(StatusOutcome.Unset.class,
        CHECK.check(entry("revocation", "94568"), list(Optional.of(LIST), bits, "revocation")));
  }

  @Test
  void theFirstAndLastEntriesAreReadable() {
    Bitstring bits = Bitstring.forNewList(Bitstring.MIN_ENTRIES);
    bits.set(0, true);
    bits.set(131_071, true);
    BitstringStatusListCredential list = list(Optional.of(LIST), bits, "revocation");
    assertTrue(CHECK.check(entry("revocation", "0"), list).isSet());
    assertTrue(CHECK.check(entry("revocation", "131071"), list).isSet());
    assertTrue(CHECK.check(entry("revocation", "000131071"), list).isSet());
  }

  @Test
  void oneListMayServeSeveralPurposes() {
    Bitstring bits = Bitstring.forNewList(Bitstring.MIN_ENTRIES);
    bits.set(12_345, true);
    BitstringStatusListCredential list = new BitstringStatusListCredential(Optional.of(LIST), "did:example:12345",
        new BitstringStatusList(Optional.empty(), List.of("revocation", "suspension"), EncodedList.encode(bits),
            Optional.empty()));
    assertEquals(new StatusOutcome.Set("suspension", 12_345, "set"), CHECK.check(entry("suspension", "12345"), list));
    assertEquals(new StatusOutcome.Unset("revocation", 94_567, "unset"), CHECK.check(entry("revocation", "94567"), list));
    assertMismatch(CHECK.check(entry("refresh", "1"), list), Problem.PURPOSE_MISMATCH);
  }

  @Test
  void aListWithoutAnIdIsTakenForTheOneFetched() {
    // The id MAY be absent; the caller fetched the list from the entry's statusListCredential.
    BitstringStatusListCredential list = list(Optional.empty(), Bitstring.forNewList(Bitstring.MIN_ENTRIES), "revocation");
    assertInstanceOf(StatusOutcome.Unset.class, CHECK.check(entry("revocation", "5"), list));
  }

  @Test
  void aListForAnotherUrlDoesNotAnswer() {
    BitstringStatusListCredential list =
        list(Optional.of(LIST + "?page=2"), Bitstring.forNewList(Bitstring.MIN_ENTRIES), "revocation");
    assertMismatch(CHECK.check(entry("revocation", "5"), list), Problem.LIST_CREDENTIAL_MISMATCH);
  }

  @Test
  void indexesPastTheEndAreRangeErrors() {
    BitstringStatusListCredential list = specList();
    assertMismatch(CHECK.check(entry("revocation", "131072"), list), Problem.INDEX_OUT_OF_RANGE);
    StatusOutcome.Mismatch huge =
        assertMismatch(CHECK.check(entry("revocation", "340282366920938463463374607431768211456"), list),
            Problem.INDEX_OUT_OF_RANGE);
    assertEquals("RANGE_ERROR", huge.reasons().get(0).problem().specificationError());
    String endless = "9".repeat(10_000);
    StatusOutcome.Mismatch abbreviated = assertMismatch(CHECK.check(entry("revocation", endless), list),
        Problem.INDEX_OUT_OF_RANGE);
    assertTrue(abbreviated.describe().length() < 200, "a report does not repeat ten thousand digits");
  }

  @Test
  void shortListsFailTheHerdPrivacyMinimumUnlessTheEcosystemLowersIt() {
    String encoded = StatusVectors.read("encoded-list", "short-list.good.json").get("encodedList").textValue();
    BitstringStatusListCredential list = new BitstringStatusListCredential(Optional.of(LIST), "did:example:12345",
        new BitstringStatusList(Optional.empty(), List.of("revocation"), encoded, Optional.empty()));
    StatusOutcome.Mismatch tooShort = assertMismatch(CHECK.check(entry("revocation", "8191"), list), Problem.LIST_TOO_SHORT);
    assertEquals("STATUS_LIST_LENGTH_ERROR", tooShort.reasons().get(0).problem().specificationError());

    StatusCheck lowered = new StatusCheck(EncodedList.standard(), 8_192);
    assertEquals(new StatusOutcome.Set("revocation", 8_191, "set"), lowered.check(entry("revocation", "8191"), list));
    assertMismatch(lowered.check(entry("revocation", "8192"), list), Problem.INDEX_OUT_OF_RANGE);
  }

  @Test
  void anUndecodableListIsMalformedAndOtherProblemsAreStillReported() {
    BitstringStatusListCredential list = new BitstringStatusListCredential(Optional.of(LIST), "did:example:12345",
        new BitstringStatusList(Optional.empty(), List.of("suspension"), "zNotBase64url", Optional.empty()));
    StatusOutcome.Mismatch mismatch = assertInstanceOf(StatusOutcome.Mismatch.class, CHECK.check(entry("revocation", "1"), list));
    assertEquals(List.of(Problem.PURPOSE_MISMATCH, Problem.MALFORMED_LIST),
        mismatch.reasons().stream().map(StatusOutcome.Reason::problem).toList());
    assertEquals("MALFORMED_VALUE_ERROR", Problem.MALFORMED_LIST.specificationError());
    assertTrue(mismatch.describe().contains("'u'"), mismatch.describe());
  }

  @Test
  void aListOverTheDecodingLimitIsMalformed() {
    BitstringStatusListCredential list = list(Optional.of(LIST), Bitstring.forNewList(262_144), "revocation");
    StatusCheck small = new StatusCheck(EncodedList.withLimit(16_384), Bitstring.MIN_ENTRIES);
    StatusOutcome.Mismatch mismatch = assertMismatch(small.check(entry("revocation", "1"), list), Problem.MALFORMED_LIST);
    assertTrue(mismatch.describe().contains("16384"), mismatch.describe());
  }

  @Test
  void onlyOneBitStatusesAreRead() {
    BitstringStatusListEntry twoBits = new BitstringStatusListEntry(Optional.empty(), "message", "1", LIST, 2,
        List.of(new StatusMessage("0x0", "pending_review"), new StatusMessage("0x1", "accepted"),
            new StatusMessage("0x2", "rejected"), new StatusMessage("0x3", "undefined")),
        List.of());
    BitstringStatusListCredential list = list(Optional.of(LIST), Bitstring.forNewList(Bitstring.MIN_ENTRIES), "message");
    assertMismatch(CHECK.check(twoBits, list), Problem.UNSUPPORTED_STATUS_SIZE);
  }

  @Test
  void statusMessagesNameTheOutcome() {
    BitstringStatusListEntry withMessages = new BitstringStatusListEntry(Optional.empty(), "revocation", "3", LIST, 1,
        List.of(new StatusMessage("0x0", "valid"), new StatusMessage("0x1", "revoked")), List.of());
    Bitstring bits = Bitstring.forNewList(Bitstring.MIN_ENTRIES);
    BitstringStatusListCredential list = list(Optional.of(LIST), bits, "revocation");
    assertEquals(new StatusOutcome.Unset("revocation", 3, "valid"), CHECK.check(withMessages, list));
    bits.set(3, true);
    assertEquals(new StatusOutcome.Set("revocation", 3, "revoked"), CHECK.check(withMessages, list(Optional.of(LIST), bits, "revocation")));
  }

  @Test
  void aCachedDecodingGivesTheSameAnswer() throws EncodedListException {
    Bitstring bits = Bitstring.forNewList(Bitstring.MIN_ENTRIES);
    bits.set(42, true);
    BitstringStatusListCredential list = list(Optional.of(LIST), bits, "revocation");
    Bitstring decoded = EncodedList.standard().decode(list.subject().encodedList());
    for (String index : List.of("41", "42", "131072")) {
      assertEquals(CHECK.check(entry("revocation", index), list), CHECK.check(entry("revocation", index), list, decoded));
    }
    assertMismatch(CHECK.check(entry("suspension", "42"), list, decoded), Problem.PURPOSE_MISMATCH);
  }

  static BitstringStatusListEntry entry(String purpose, String index) {
    return new BitstringStatusListEntry(Optional.empty(), purpose, index, LIST, 1, List.of(), List.of());
  }

  static BitstringStatusListCredential list(Optional<String> id, Bitstring bits, String purpose) {
    return new BitstringStatusListCredential(id, "did:example:12345",
        new BitstringStatusList(Optional.of(LIST + "#list"), List.of(purpose), EncodedList.encode(bits), Optional.empty()));
  }

  private static BitstringStatusListCredential specList() {
    return valid(StatusListCredentialParser.parse(
        StatusVectors.read("list-credentials", "spec-example-3.good.json").get("credential")));
  }

  private static StatusOutcome.Mismatch assertMismatch(StatusOutcome outcome, Problem problem) {
    StatusOutcome.Mismatch mismatch = assertInstanceOf(StatusOutcome.Mismatch.class, outcome);
    assertEquals(List.of(problem), mismatch.reasons().stream().map(StatusOutcome.Reason::problem).toList(),
        mismatch.describe());
    return mismatch;
  }

  @SuppressWarnings("unchecked")
  static <T> T valid(Parsed<T> parsed) {
    return ((Parsed.Valid<T>) assertInstanceOf(Parsed.Valid.class, parsed, parsed.toString())).value();
  }
}
