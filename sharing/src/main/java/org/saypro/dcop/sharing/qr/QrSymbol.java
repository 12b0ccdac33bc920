package org.saypro.dcop.sharing.qr;

import java.util.BitSet;
import java.util.Objects;

/** An encoded QR code: its version and its square of dark and light modules, without the quiet zone. */
public final class QrSymbol {

  /** The light margin every rendering adds around the symbol, in modules: ISO/IEC 18004 asks for four. */
  public static final int QUIET_ZONE = 4;

  private final int version;
  private final QrForm form;
  private final int size;
  private final BitSet dark;

  QrSymbol(int version, QrForm form, int size, BitSet dark) {
    if (version < 1 || version > 40 || size != 17 + 4 * version) {
      throw new IllegalArgumentException("a version " + version + " QR code is " + (17 + 4 * version) + " modules");
    }
    this.version = version;
    this.form = Objects.requireNonNull(form);
    this.size = size;
    this.dark = (BitSet) dark.clone();
  }

  /** 1 to 40: the symbol is {@code 17 + 4 * version} modules a side. */
  public int version() {
    return version;
  }

  public QrForm form() {
    return form;
  }

  /** Modules a side, without the quiet zone. */
  public int size() {
    return size;
  }

  /** Modules a side, with the quiet zone on both sides. */
  public int sizeWithQuietZone() {
    return size + 2 * QUIET_ZONE;
  }

  public boolean isDark(int x, int y) {
    if (x < 0 || y < 0 || x >= size || y >= size) {
      throw new IndexOutOfBoundsException("module (" + x + ", " + y + ") is outside a symbol of " + size);
    }
    return dark.get(y * size + x);
  }
}
