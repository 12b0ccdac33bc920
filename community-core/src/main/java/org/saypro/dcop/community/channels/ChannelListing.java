package org.saypro.dcop.community.channels;

import java.util.Objects;

/** A channel as the directory lists it: whether the caller is a member, and how many members it has now. */
public record ChannelListing(Channel channel, boolean member, long members) {

  public ChannelListing {
    Objects.requireNonNull(channel, "channel");
    if (members < 0) {
      throw new IllegalArgumentException("a member count is not negative");
    }
  }
}
