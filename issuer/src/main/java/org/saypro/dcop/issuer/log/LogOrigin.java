package org.saypro.dcop.issuer.log;

import jakarta.inject.Singleton;
import java.net.URI;
import org.saypro.dcop.issuer.config.IssuerSettings;

/**
 * The log's origin line (C2SP checkpoint): the public URL without its scheme, plus {@code /log}, e.g.
 * {@code credentials.saypro.org/log}. It names this log wherever its checkpoints travel.
 */
@Singleton
public class LogOrigin {
  private final String value;

  LogOrigin(IssuerSettings settings) {
    URI url = settings.publicUrl();
    String path = url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
    this.value = url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "") + path + "/log";
  }

  public String value() {
    return value;
  }
}
