package org.saypro.dcop.community.resources;

import java.util.List;

/** The metadata of a resource being created, already validated field by field by the caller. */
public record NewResource(String title, String description, ResourceKind kind, String group, List<String> tags,
    String licence, String organisation) {

  public NewResource {
    tags = List.copyOf(tags);
  }
}
