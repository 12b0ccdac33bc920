package org.saypro.dcop.community.forums;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Mentions are found by e-mail, one-word name or quoted name, never inside an address, and at most ten. */
class MentionsTest {

  @Test
  void findsEmailsNamesAndQuotedNames() {
    assertEquals(List.of("thandi@example.org", "Sipho", "Naledi Mokoena"),
        Mentions.handles("Thanks @thandi@example.org and @Sipho, also @\"Naledi Mokoena\"!"));
  }

  @Test
  void ignoresAddressesThatAreNotMentionsAndRepeats() {
    assertEquals(List.of("Sipho"), Mentions.handles("mail me at me@example.org, @Sipho @Sipho"));
  }

  @Test
  void takesAtMostTen() {
    String many = IntStream.range(0, 30).mapToObj(i -> "@user" + i).collect(Collectors.joining(" "));
    assertEquals(Mentions.MAX_PER_POST, Mentions.handles(many).size());
  }
}
