package org.saypro.dcop.community.resources;

/** What sniffing an upload decided: the file's type, or why it is refused. */
public sealed interface Sniffed {

  record Accepted(FileType type) implements Sniffed {}

  record Refused(String reason) implements Sniffed {}
}
