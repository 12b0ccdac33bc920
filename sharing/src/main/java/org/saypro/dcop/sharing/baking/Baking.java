package org.saypro.dcop.sharing.baking;

/** The outcome of baking a credential into an image: the baked file, or why the image cannot take it. */
public sealed interface Baking {

  record Baked(byte[] bytes) implements Baking {
    public Baked {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }
  }

  record Refused(String reason) implements Baking {
    public Refused {
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("a refusal says why");
      }
    }
  }
}
