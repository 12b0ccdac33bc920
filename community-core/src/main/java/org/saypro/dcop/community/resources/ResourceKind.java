package org.saypro.dcop.community.resources;

import java.util.Arrays;
import java.util.Optional;

/** What a resource is; the codes are stored and used in filters. */
public enum ResourceKind {
  TOOLKIT("toolkit", "Toolkit"),
  FRAMEWORK("framework", "Framework"),
  RESEARCH_PAPER("research-paper", "Research paper"),
  TEMPLATE("template", "Template"),
  CASE_STUDY("case-study", "Case study"),
  TRAINING_MODULE("training-module", "Training module");

  private final String code;
  private final String label;

  ResourceKind(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static Optional<ResourceKind> byCode(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
  }
}
